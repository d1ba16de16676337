#pragma once

#include "ConnectionForm.h"
#include "CredentialResolver.h"
#include "DiscoveryModels.h"
#include "InstancePickerDialog.h"
#include "ReadWorkflow.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QUrl>

#include <functional>

class QWidget;

namespace das {

class InstanceDetailsActions;
class ProjectLookup;

// The window's reads: "Browse…"/F4 beside Instance ID opens the InstancePickerDialog on an InstanceCatalog
// (every engine), and "Look up" beside Project ID runs a ProjectLookup through IAM. Not a widget: it starts
// the core workflows with the window's target and credentials and hands their results to the form. The
// chosen instance's nodes and database names are InstanceDetailsActions' (started from here).
class DiscoveryActions : public QObject
{
    Q_OBJECT

public:
    // What the window knows when a read starts.
    struct Context
    {
        ConnectionForm::Target target;
        CredentialChoice credentials;
        QUrl sandboxUrl; // the running sandbox when it is the target (then also the IAM endpoint)
        QProcessEnvironment environment;
    };
    using ContextSource = std::function<Context()>;

    // Region the sandbox is asked about: it answers the IAM lookup for any known region.
    static constexpr const char* SandboxRegion = "cn-north-4";

    DiscoveryActions(ConnectionForm* form, const ReadWorkflow::Services& services, ContextSource context,
                     QWidget* window);

    void openInstancePicker();
    void lookUpProject();
    InstancePickerDialog* picker() const { return m_picker; }

signals:
    void statusMessage(const QString& text, int timeoutMs);

private:
    void onPicked(const InstanceInfo& instance);
    void showMessage(const QString& title, const QString& text);

    ConnectionForm* m_form;
    ReadWorkflow::Services m_services;
    ContextSource m_context;
    QWidget* m_window;
    QPointer<InstancePickerDialog> m_picker;
    ProjectLookup* m_lookup;
    InstanceDetailsActions* m_details; // nodes and database names of the chosen instance
};

} // namespace das
