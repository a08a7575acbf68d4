// Private to core/search: BM25 relevance estimated from highlight() output, because FTS5's
// bm25() first counts every row that contains each phrase (to weigh rare words up), which
// costs ~15 ms for a word in 700,000 of 1,000,000 messages before a single row is scored.
// highlight() only reads the candidate rows themselves. The estimate differs from bm25() in
// two ways: the phrases' instances are counted together (bm25 weighs each phrase by its own
// rarity), and how common the query is comes from the caller (the share of rows it matched)
// and the average length from the candidates, not from the whole table.
#pragma once

#include <QList>
#include <QString>
#include <utility>

namespace rapport::search {

class RelevanceEstimate {
public:
    // One matched row: each scored column's text as highlight() marked it (U+0002 before and
    // U+0003 after each phrase instance), with the column's weight.
    void addRow(const QList<std::pair<QString, double>>& columns);

    // BM25 (k1 = 1.2, b = 0.75, higher is better) of each row, in the order they were added,
    // given the share of all rows the query matches (0 < matchedShare <= 1). As in FTS5, a
    // query in more than half the rows gets a tiny, positive weight.
    QList<double> scores(double matchedShare) const;

private:
    struct Row {
        double frequency = 0;  // phrase instances, weighted by column
        int length = 0;        // tokens
    };
    QList<Row> m_rows;
};

}  // namespace rapport::search
