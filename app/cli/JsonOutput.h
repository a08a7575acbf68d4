// Output for scripts: one compact JSON object per line on stdout, flushed at once
// so a reader sees each line as it happens; errors as one line on stderr.
#pragma once

#include <QJsonObject>

namespace rapport::cli {

void printJsonLine(const QJsonObject& object);
void printErrorLine(const QString& message);
// What happened, for the person at the terminal: stderr, so stdout stays JSON.
void printInfoLine(const QString& message);

}  // namespace rapport::cli
