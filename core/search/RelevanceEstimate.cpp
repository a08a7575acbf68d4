#include "search/RelevanceEstimate_p.h"

#include <algorithm>
#include <cmath>

namespace rapport::search {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kMinIdf = 1e-6;  // FTS5's floor for very common phrases
constexpr QChar kOpen(0x0002);

}  // namespace

void RelevanceEstimate::addRow(const QList<std::pair<QString, double>>& columns) {
    Row row;
    for (const auto& [text, weight] : columns) {
        int instances = 0;
        bool inToken = false;
        for (const QChar c : text) {
            if (c == kOpen) {
                ++instances;
            }
            // Tokens as unicode61 cuts them: runs of letters, digits and combining marks.
            const bool tokenChar = c.isLetterOrNumber() || c.isMark();
            if (tokenChar && !inToken) {
                ++row.length;
            }
            inToken = tokenChar;
        }
        row.frequency += weight * instances;
    }
    m_rows.append(row);
}

QList<double> RelevanceEstimate::scores(double matchedShare) const {
    QList<double> out;
    if (m_rows.isEmpty()) {
        return out;
    }
    double totalLength = 0;
    for (const Row& r : m_rows) {
        totalLength += r.length;
    }
    const double averageLength = std::max(1.0, totalLength / double(m_rows.size()));
    const double share = std::clamp(matchedShare, 1e-12, 1.0);
    const double idf = std::max(kMinIdf, std::log((1.0 - share) / share));
    out.reserve(m_rows.size());
    for (const Row& r : m_rows) {
        const double norm = 1.0 - kB + kB * double(r.length) / averageLength;
        out.append(idf * r.frequency * (kK1 + 1.0) / (r.frequency + kK1 * norm));
    }
    return out;
}

}  // namespace rapport::search
