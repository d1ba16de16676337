#include "DiscoveryButtons.h"

#include "ConnectionForm.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>

namespace das {

DiscoveryButtons::DiscoveryButtons(ConnectionForm* form, const Widgets& widgets)
    : m_w(widgets)
    , m_shortcut(new QShortcut(QKeySequence(Qt::Key_F4), form))
{
    // F4 wherever the focus is in the window, as long as the Browse button could be clicked.
    m_shortcut->setContext(Qt::WindowShortcut);
    QObject::connect(m_shortcut, &QShortcut::activated, form, [form, button = m_w.pickInstanceButton] {
        if (button->isEnabled())
            emit form->pickInstanceRequested();
    });
    QObject::connect(m_w.pickInstanceButton, &QPushButton::clicked, form,
                     &ConnectionForm::pickInstanceRequested);
    QObject::connect(m_w.lookUpProjectButton, &QPushButton::clicked, form,
                     &ConnectionForm::lookUpProjectRequested);
    retranslate();
}

void DiscoveryButtons::update(bool customTarget, bool targetOk, bool busy)
{
    m_w.lookUpProjectButton->setVisible(!customTarget);
    m_w.lookUpProjectButton->setEnabled(targetOk && !busy && m_w.projectIdEdit->text().trimmed().isEmpty());
    m_w.pickInstanceButton->setEnabled(targetOk && !busy);
}

void DiscoveryButtons::fillInstance(const QString& instanceId, const QString& engineType,
                                    const QString& networkType, int port)
{
    m_w.instanceIdEdit->setText(instanceId);
    m_w.engineTypeCombo->setCurrentIndex(m_w.engineTypeCombo->findData(engineType));
    if (!networkType.isEmpty())
        m_w.networkTypeCombo->setCurrentIndex(m_w.networkTypeCombo->findData(networkType));
    if (port > 0)
        m_w.portEdit->setText(QString::number(port));
}

void DiscoveryButtons::retranslate()
{
    m_w.pickInstanceButton->setToolTip(ConnectionForm::tr("Pick the instance from the list DAS has (%1)")
                                           .arg(m_shortcut->key().toString(QKeySequence::NativeText)));
    m_w.lookUpProjectButton->setToolTip(
        ConnectionForm::tr("Find the project of this region with IAM (GET /v3/projects)"));
}

} // namespace das
