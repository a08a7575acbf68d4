// Putting an answer into a reply, the same way from the suggestions panel and from the
// "/" quick insert: the answer's text with what Rapport knows filled in (the customer's
// name, the engineer's, today's date), the other placeholders asked for in a small dialog,
// and one more use counted. The caller gets the text to insert, or nothing if the engineer
// cancelled.
#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace rapport {
class Account;
}

namespace rapport::ui {

void insertAnswer(Account& account, const QString& answerId, const QString& peer,
                  QWidget* dialogParent, std::function<void(const QString& text)> insert);

}  // namespace rapport::ui
