#pragma once

namespace das {

// The columns of the history, in display order. The one list shared by the table model (its column
// numbers), the store (what it sorts by), the pane (widths, order, saved header) and the CLI, so that a
// column cannot be shown without being sortable, or the other way round.
namespace HistoryColumn {

enum Column : int
{
    Time,
    Endpoint,
    Instance,
    Engine,
    Username,
    ConnectionId,
    Remarks,
    PasswordSaved,
    State, // appended, not placed by meaning: header layouts saved by older versions stay valid
    Count
};

// Every shown column is sortable; anything else (-1 from an empty header, a column from a newer layout) is
// not a column.
constexpr bool isColumn(int column)
{
    return column >= Time && column < Count;
}

} // namespace HistoryColumn

} // namespace das
