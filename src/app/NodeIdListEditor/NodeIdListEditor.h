#pragma once

#include <QSet>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace Ui {
class NodeIdListEditor;
}

namespace das {

// Editable list of node IDs: add one, paste many (newline/comma/space separated), edit in place, remove.
class NodeIdListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit NodeIdListEditor(QWidget* parent = nullptr);
    ~NodeIdListEditor() override;

    QStringList nodeIds() const;
    void setNodeIds(const QStringList& ids);
    // Rows to highlight as invalid (indexes into nodeIds()).
    void setInvalidRows(const QSet<int>& rows);
    // Adds every ID found in `text`; returns how many were added.
    int addFromText(const QString& text);

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void addFromInput();
    void removeSelected();
    void updateButtons();

    std::unique_ptr<Ui::NodeIdListEditor> m_ui;
    QSet<int> m_invalidRows;
};

} // namespace das
