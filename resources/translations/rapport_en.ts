<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Database</name>
    <message>
        <source>Could not read the tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tip with the id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not queue the change for the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the likes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tip cannot be posted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment cannot be posted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the queue of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not update the queue of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no answer with the id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer cannot be saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer with the id %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict copy cannot be edited: merge it into the answer, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not discard the conflict copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the use of the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not mark the answer as published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a contact without a JID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no conversation with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not mark the conversation as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the message database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the message database %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the message database %1: it is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path was given for the message database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 of the message database cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a lock file beside the message database %1 (is the disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program has been opening the message database %1 for too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the message database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not update the message database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1 to move aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the damaged database %1 aside: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the message database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a message without a peer, sender or time cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a message can only move to sent, delivered, read or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not update the message state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the archive position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the schema version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of Rapport (schema %1; this version knows up to %2). Update Rapport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is no longer waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: only an outgoing message with an origin-id and a stanza can be queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: this message is already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not queue the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not update the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not repair the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the search index %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rebuild the search index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is in use by another program (is Rapport already running with this profile?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file or its folder cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search index is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not a Rapport database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read where the last sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save where the sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reset the sync position</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Fill in the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer needs a few details before it goes out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer not inserted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaslClient</name>
    <message>
        <source>The user name or password contains characters that SASL forbids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SASL mechanism %1 is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in needs a user name and a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU SASL could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU SASL cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU SASL failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SASL exchange is waiting for a challenge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a SASL challenge after the exchange was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for %1 SCRAM iterations; Rapport allows at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM challenge is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM challenge does not continue our nonce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the SCRAM proof (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not prove that it knows the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SASL state is corrupt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SASL exchange is waiting for success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent two different SCRAM signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported success before SCRAM had started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported success without proving that it knows the password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat, shared answers and team tips for support engineers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the account&apos;s data in DIR (also $RAPPORT_PROFILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as JID with the password in $RAPPORT_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s WebSocket URL (else found from the JID).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::Account</name>
    <message>
        <source>The server address must be a ws:// or wss:// URL, e.g. wss://chat.example.com:5281/xmpp-websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing an unencrypted ws:// connection to %1: use wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport is used without an account here: add one to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ConnectionTest</name>
    <message>
        <source>Enter your address as name@domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing an unencrypted ws:// connection to %1: use wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::feed</name>
    <message>
        <source>the text is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is larger than %1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::feed::TipPayload</name>
    <message>
        <source>the id is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author is not a JID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is missing or not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an id is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tips item %1 was ignored: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names %1 as its author but %2 published it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a comment&apos;s item id must start with &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a like needs a tip id, a JID and a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a like&apos;s item id must be &quot;like-&lt;tip id&gt;-&lt;JID&gt;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a like by %1 but %2 published it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a tip, comment or like of this format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library::AnswerExport</name>
    <message>
        <source>%1 is not a .json or .csv file, nor a folder (end it with &apos;/&apos; to create one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library::AnswerImport</name>
    <message>
        <source>%1 is not a .json or .csv file, nor a folder of Markdown files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a JSON array of answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty; the first row names the columns (title, body, tags)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its first row has no &quot;title&quot; column (columns: title, body, tags, and id if known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has %1 fields where the first row has %2 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the folder %1: it does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library::AnswerJson</name>
    <message>
        <source>&quot;%1&quot; is not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a conflict copy, which is not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date and time (ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library::AnswerPayload</name>
    <message>
        <source>it has more than %1 tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; is not one lowercase word of at most %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is larger than %1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author is not a JID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date is missing or not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version is not a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer %1 was ignored: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an answer of this format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title or the text is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library::CsvTable</name>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field opened on line %1 is never closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::library::MarkdownAnswer</name>
    <message>
        <source>it does not start with front matter (a &quot;---&quot; line, then &quot;title: ...&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its front matter is not closed by a &quot;---&quot; line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::AnswerListModel</name>
    <message>
        <source>, tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, used %n times</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, conflict copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not published yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::ConnectionState</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline: retrying in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::ConversationListModel</name>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presence unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::MessageListModel</name>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::SearchResultsModel</name>
    <message>
        <source>Message with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::SyncProgress</name>
    <message>
        <source>Fetching history: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the answer library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the tips feed…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::models::TipListModel</name>
    <message>
        <source>%1: %2 (1 like, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n likes, %3)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapport::sync::OlderHistory</name>
    <message>
        <source>No conversation was given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::AccountSetupDialog</name>
    <message>
        <source>Sign in to Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your team&apos;s chat account. Rapport finds the server from your address; enter it only if your administrator gave you one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wss:// address such as wss://chat.example.com:5281/xmpp-websocket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your address as name@domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to your team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue &amp;without an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the answer library and search on this computer only; add an account later with &quot;Sign in…&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: nobody you trust vouches for it. Compare its fingerprint with the one your administrator gave you before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::AnswerDelegate</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · used %n times</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapport::ui::AnswerEditor</name>
    <message>
        <source>Edit answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer asks, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer, firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, lists, links. Placeholders: {{customer.name|there}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to this answer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this new answer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::AppStartup</name>
    <message>
        <source>Enter your password to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport could not keep your password in the system keychain, so it will ask for it at the next start.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to chat, and to share answers and tips.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::CertificateTrustPanel</name>
    <message>
        <source>The server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the fingerprint is the one your administrator gave you: Rapport will then accept this certificate, and only this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also valid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::ChatsView</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (name@example.com):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::Composer</name>
    <message>
        <source>Write a reply… (Enter sends, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::ConflictDialog</name>
    <message>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer was changed by someone else while your edit was on its way. Both texts are kept: choose which one the answer keeps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer now (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep this copy&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this copy&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the copy&apos;s text: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not discard the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::ConversationDelegate</name>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::ConversationPane</name>
    <message>
        <source>Contact status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the new answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as the answer &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one on the left, or wait for a customer to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::CredentialStore</name>
    <message>
        <source>The system keychain says: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::FreedesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::LibraryView</name>
    <message>
        <source>Search answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, print*, -word, tag:wifi, from:alice, after:2024-01-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All words must occur. &quot;a phrase&quot; in order, print* for a prefix, -word to exclude; tag:, from: (author), after: and before: (YYYY-MM-DD) narrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New answer (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve conflict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an answer to read it, or press Ctrl+N to write one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>used %n times</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: a text that lost a concurrent edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not published yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard conflict copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this conflict copy of &quot;%1&quot;? Its text is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the team&apos;s library? It goes for everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of this copy is gone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::MainWindow</name>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your team&apos;s chat account for chats, the team&apos;s library and tips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a status message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your presence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your presence: %1, &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What colleagues see beside your name, e.g. &quot;On the phone until 3&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account: your library on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport stopped connecting: nobody you trust vouches for the server&apos;s certificate. It may be your team&apos;s own certificate, or someone in between. Compare its fingerprint with the one your administrator gave you before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::MemoryCredentialStore</name>
    <message>
        <source>No password is stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::MessageDelegate</name>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::Notifier</name>
    <message numerus="yes">
        <source>%n new messages. The last: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapport::ui::QuickInsertPopup</name>
    <message>
        <source>Insert an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search the library · ↑↓ choose · Enter inserts · Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer matches. Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ choose · Enter inserts · Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::SearchPalette</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats, answers and tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats, answers and tips  (with:bob  tag:printer  after:2026-01-01  &quot;a phrase&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ choose · Enter opens · Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::SearchResultDelegate</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification for new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only while Rapport&apos;s window is not in front, and never while you are set to &quot;Do not disturb&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound with notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your team&apos;s answers and tips live. Leave it empty for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team &amp;service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service&apos;s address. It looks like pubsub.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::SuggestionsPanel</name>
    <message>
        <source>Suggested answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in the library fits the last message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Insert with Alt+%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers that fit appear here when they write.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::TipDelegate</name>
    <message>
        <source>♥ Liked · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>♡ Like · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comments</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading comments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::TipsView</name>
    <message>
        <source>Share a tip with the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you know…? Markdown works. Ctrl+Enter posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by spaces (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post the tip (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L likes the selected tip, C shows its comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tip was not posted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The like was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment… (Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment was not posted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::ui::TrayIcon</name>
    <message>
        <source>Show Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rapport: %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::xmpp::ChatExtension</name>
    <message>
        <source>A message needs a recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty message cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be delivered (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::xmpp::Client</name>
    <message>
        <source>The client was shut down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost before the server answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::xmpp::MamExtension</name>
    <message>
        <source>The archive query was abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::xmpp::MarkersExtension</name>
    <message>
        <source>A marker needs the id of a message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::xmpp::Stream</name>
    <message>
        <source>The server %1 did not complete sign-in within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 stopped answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: refusing to send a &lt;%1/&gt; that is not in the jabber:client namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 closed the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the session (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the session (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offers no way to sign in on this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offers no sign-in method Rapport can use safely here (offered: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to bind a resource (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server bound an unexpected address (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an unexpected SASL message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: wrong address or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server acknowledged stanzas that were never sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rapport::xmpp::WebSocketTransport</name>
    <message>
        <source>The server at %1 does not speak XMPP over WebSocket (it did not accept the &quot;xmpp&quot; subprotocol).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a binary WebSocket message; XMPP uses text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a message larger than %1 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 closed the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (certificate for &quot;%1&quot;, issued by &quot;%2&quot;, valid until %3, SHA-256 %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
