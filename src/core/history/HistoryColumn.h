#pragma once

namespace das {

// The columns of the history. The one list shared by the table model (its column numbers), the store (what
// it sorts by), the pane (widths, order, saved header) and the CLI, so that a column cannot be shown without
// being sortable, or the other way round. The pane places them on screen (Connection ID early); the numbers
// here only ever grow at the end, so that header layouts saved by older versions stay valid.
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
    State,
    // Optional: hidden until chosen in the pane's column chooser.
    ProjectId,
    Region,
    NetworkType,
    NodeIds,
    Port,
    DatabaseName,
    RequestId,
    UpdatedAt,
    StateDetail,
    Count
};

// Every shown column is sortable; anything else (-1 from an empty header, a column from a newer layout) is
// not a column.
constexpr bool isColumn(int column)
{
    return column >= Time && column < Count;
}

// Shown only when the user asks for them: detail a DBA looks up now and then, which would otherwise push the
// connection ID out of a 1024-pixel window.
constexpr bool isOptional(int column)
{
    return column >= ProjectId && column < Count;
}

// A stable name for settings (which columns are shown): never translated, never changed once released.
constexpr const char* key(int column)
{
    constexpr const char* keys[] = {"time",         "endpoint",    "instance",      "engine", "username",
                                    "connectionId", "remarks",     "passwordSaved", "state",  "projectId",
                                    "region",       "networkType", "nodeIds",       "port",   "databaseName",
                                    "requestId",    "updatedAt",   "stateDetail"};
    static_assert(sizeof(keys) / sizeof(keys[0]) == Count);
    return isColumn(column) ? keys[column] : "";
}

} // namespace HistoryColumn

} // namespace das
