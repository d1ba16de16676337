#pragma once

#include <QList>
#include <QString>

namespace das {

// One broken rule: the API field name, a stable machine code and a translated sentence naming the rule.
struct Violation
{
    QString field;
    QString code;
    QString message;
    int index = -1; // position inside a list field (node_ids), -1 otherwise

    bool operator==(const Violation& other) const
    {
        return field == other.field && code == other.code && index == other.index;
    }
};

using Violations = QList<Violation>;

} // namespace das
