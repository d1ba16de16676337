#pragma once

#include "BatchPlan.h"
#include "BatchRunner.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace das {

// The rows of a batch file as the window's table: a checkbox to leave a row out, the file's row number, what
// happens to the row (valid or invalid as read, then the plan's create / skip / invalid, then the run's
// outcome) with the violations beside it (all of them in the tooltip), then the columns that matter (instance
// ID or name, engine, network, user name, database name, node IDs or names, port, remarks). Cells are
// edited in place: the record is read again at once (BatchRowReader), so the status follows the typing;
// names are only resolved by the next plan. No widgets: the window shows it in a view, tests drive it.
class BatchTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IncludeColumn,
        RowColumn,
        StatusColumn, // first: what happens to the row, and why not, is what a batch is checked for
        ProblemsColumn,
        InstanceColumn,
        EngineColumn,
        NetworkColumn,
        UserColumn,
        DatabaseColumn,
        NodesColumn,
        PortColumn,
        RemarksColumn,
        ColumnCount
    };
    enum Role
    {
        RowNumberRole = Qt::UserRole, // int, the file's row number, on every cell
        StageRole,                    // int (Stage), on every cell
    };
    // How far a row has come.
    enum class Stage
    {
        Read,     // as read or edited: valid or invalid, nothing asked of DAS yet
        Planned,  // the last plan's action
        Running,  // sent, no answer yet
        Finished, // the run's outcome
    };

    explicit BatchTableModel(QObject* parent = nullptr);

    // Rows as read (BatchRowReader::read of each record, duplicates in the file marked); no plan, no result.
    void setRecords(const QList<BatchRecord>& records, const QString& defaultProjectId);
    void clear();
    // A plan of these rows (matched by row number); what the user excluded stays excluded.
    void setPlan(const BatchPlan& plan);
    // The rows read again from their (possibly edited) cells, for a new plan; exclusions kept.
    QList<BatchRowPlan> rowsToPlan() const;
    const QList<BatchRowPlan>& rows() const { return m_rows; }
    Stage stage(int index) const;
    // True when every row's status is the last plan's (no edit since, nothing run).
    bool isPlanned() const;
    // Rows whose last plan says create and that are not excluded.
    int toSendCount() const;
    int excludedCount() const;

    void setExcluded(int index, bool excluded);
    bool isExcluded(int index) const;
    // While a batch runs, nothing may be edited or excluded.
    void setLocked(bool locked);

    void setRunning(int rowNumber);
    void setResult(const BatchRowResult& result);
    // The result of a row (by index), when it has one.
    const BatchRowResult* resultAt(int index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The status as shown for a row.
    QString statusText(int index) const;
    // The row's problems, one per line ("column: message").
    QStringList problems(int index) const;

signals:
    // A cell was edited and the row read again.
    void rowEdited(int index);
    // A row was excluded or included again.
    void exclusionChanged(int index);

private:
    struct Entry
    {
        Stage stage = Stage::Read;
        bool hasResult = false;
        BatchRowResult result;
    };

    QString cellText(const BatchRowPlan& row, int column) const;
    QString editText(const BatchRowPlan& row, int column) const;
    QVariant toolTip(int index, int column) const;
    QVariant foreground(int index, int column) const;
    void rowChanged(int index);

    QList<BatchRowPlan> m_rows;
    QList<Entry> m_entries;
    QHash<int, int> m_indexByRow; // file row number → index
    QString m_defaultProjectId;
    bool m_locked = false;
};

} // namespace das
