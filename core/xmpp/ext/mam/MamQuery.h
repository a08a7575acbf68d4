// A Message Archive Management query (XEP-0313) and the page it returns, with
// Result Set Management (XEP-0059) paging.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "common/Jid.h"
#include "xmpp/Element.h"

namespace rapport::xmpp {

struct MamQuery {
    Jid archive;  // empty: our own archive
    Jid with;     // only messages with this peer (empty: all)
    QDateTime start;
    QDateTime end;
    // RSM: page after `after`, or before `before`. lastPage asks for the newest page
    // (an empty <before/>), which is where a catch-up starts.
    QString after;
    QString before;
    bool lastPage = false;
    int max = 250;
};

struct MamMessage {
    QString archiveId;  // the result's id: a stanza-id in that archive
    QDateTime stamp;    // when the archive stored it (UTC)
    Element message;    // the archived <message/>
};

struct MamPage {
    QList<MamMessage> messages;  // in archive order (oldest first)
    QString first;               // RSM ids of the page's ends, for the next query
    QString last;
    int count = -1;         // the number of matching messages, when the server says
    bool complete = false;  // no more in the direction of the query
};

}  // namespace rapport::xmpp
