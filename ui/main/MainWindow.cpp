#include "main/MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "account/Account.h"
#include "chats/ChatsView.h"
#include "chats/ConversationPane.h"
#include "common/BringToFront.h"
#include "library/LibraryView.h"
#include "main/SectionHost.h"
#include "models/ConnectionState.h"
#include "models/ConversationListModel.h"
#include "models/SyncProgress.h"
#include "notify/DesktopNotifications.h"
#include "notify/Notifier.h"
#include "notify/TrayIcon.h"
#include "search/SearchPalette.h"
#include "settings/AppSettings.h"
#include "settings/SettingsDialog.h"
#include "settings/Theme.h"
#include "setup/CertificateTrust.h"
#include "tips/TipsView.h"

namespace rapport::ui {

namespace {

// A coloured dot for a presence, drawn at the screen's resolution.
QIcon presenceDot(const QString& show) {
    const QColor colour = show == u"away"  ? QColor(0xe0, 0xa0, 0x20)
                          : show == u"dnd" ? QColor(0xd0, 0x3b, 0x3b)
                                           : QColor(0x2e, 0xa0, 0x43);
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(6, 6, 20, 20));
    return QIcon(pixmap);
}

}  // namespace

MainWindow::MainWindow(Account& account, QWidget* parent)
    : QMainWindow(parent), m_account(account) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));
    m_conversations = new models::ConversationListModel(account, this);
    m_connectionState = new models::ConnectionState(account, this);

    m_sections = new QStackedWidget;
    m_chats = new ChatsView(account, *m_conversations);
    setCentralWidget(m_sections);
    buildRail();
    // Library and Tips are built when first shown (SectionHost): a start-up paints the
    // conversation list without reading the whole library first.
    m_libraryHost = new SectionHost([this] { return m_library = new LibraryView(m_account); });
    if (account.isLocalOnly()) {
        // No account: the local library and search; chats and tips need a team server.
        m_chats->setParent(this);
        m_chats->hide();
        addSection(m_libraryHost, QStringLiteral(":/icons/library.svg"), tr("Library"));
    } else {
        m_tipsHost = new SectionHost([this] { return m_tips = new TipsView(m_account); });
        addSection(m_chats, QStringLiteral(":/icons/chats.svg"), tr("Chats"));
        addSection(m_libraryHost, QStringLiteral(":/icons/library.svg"), tr("Library"));
        addSection(m_tipsHost, QStringLiteral(":/icons/tips.svg"), tr("Tips"));
    }

    // Catch-ups, with counts where there are some.
    auto* progress = new models::SyncProgress(account, this);
    auto* syncLabel = new QLabel;
    syncLabel->setObjectName(QStringLiteral("syncLabel"));
    auto* syncBar = new QProgressBar;
    syncBar->setMaximumWidth(160);
    syncBar->setTextVisible(false);
    syncBar->setAccessibleName(tr("Sync progress"));
    statusBar()->addWidget(syncLabel);
    statusBar()->addWidget(syncBar);
    auto showProgress = [progress, syncLabel, syncBar] {
        syncLabel->setText(progress->text());
        syncLabel->setVisible(progress->isActive());
        syncBar->setVisible(progress->isActive());
        syncBar->setRange(0, progress->maximum());
        syncBar->setValue(progress->value());
    };
    connect(progress, &models::SyncProgress::changed, this, showProgress);
    showProgress();

    m_connection = new QLabel;
    m_connection->setAccessibleName(tr("Connection"));
    m_reviewCertificate = new QPushButton(tr("Review certificate…"));
    m_reviewCertificate->setObjectName(QStringLiteral("reviewCertificate"));
    m_reviewCertificate->setFlat(true);
    m_reviewCertificate->hide();
    connect(m_reviewCertificate, &QPushButton::clicked, this, &MainWindow::reviewCertificate);
    statusBar()->addPermanentWidget(m_reviewCertificate);
    if (account.isLocalOnly()) {
        auto* signIn = new QPushButton(tr("Sign in…"));
        signIn->setObjectName(QStringLiteral("signInButton"));
        signIn->setToolTip(
            tr("Add your team's chat account for chats, the team's library "
               "and tips."));
        connect(signIn, &QPushButton::clicked, this, &MainWindow::signInRequested);
        statusBar()->addPermanentWidget(signIn);
        m_presenceAction->setVisible(false);
    }
    statusBar()->addPermanentWidget(m_connection);
    connect(m_connectionState, &models::ConnectionState::changed, this,
            &MainWindow::updateConnection);
    updateConnection();

    connect(m_conversations, &QAbstractItemModel::dataChanged, this, &MainWindow::updateTitle);
    connect(m_conversations, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateTitle);
    connect(m_conversations, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateTitle);
    connect(m_conversations, &QAbstractItemModel::modelReset, this, &MainWindow::updateTitle);
    buildNotifications();
    updateTitle();

    connect(m_chats->pane(), &ConversationPane::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });

    auto* find = new QAction(tr("Search everything"), this);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(find, &QAction::triggered, this, [this] { searchPalette()->popup(); });
    connect(m_chats, &ChatsView::findInConversation, this, [this](const QString& peer) {
        searchPalette()->popup(QStringLiteral("with:%1 ").arg(peer));
    });
    addAction(find);

    auto* previous = new QAction(tr("Previous conversation"), this);
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(previous, &QAction::triggered, this, [this] { m_chats->openNeighbour(-1); });
    auto* next = new QAction(tr("Next conversation"), this);
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(next, &QAction::triggered, this, [this] { m_chats->openNeighbour(1); });
    addActions({previous, next});

    auto* settingsAction = new QAction(tr("Settings…"), this);
    settingsAction->setShortcut(QKeySequence::Preferences);
    if (settingsAction->shortcut().isEmpty()) {
        settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }
    connect(settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    addAction(settingsAction);
    // On the rail like a section (centred, its name under the icon), above the presence.
    settingsAction->setIcon(QIcon(QStringLiteral(":/icons/settings.svg")));
    settingsAction->setIconText(tr("Settings"));
    settingsAction->setToolTip(
        tr("Settings (%1)").arg(settingsAction->shortcut().toString(QKeySequence::NativeText)));
    m_rail->insertAction(m_presenceAction, settingsAction);
    if (QWidget* button = m_rail->widgetForAction(settingsAction)) {
        button->setObjectName(QStringLiteral("settingsButton"));
    }

    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1100, 720);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildRail() {
    auto* rail = new QToolBar(tr("Sections"));
    rail->setObjectName(QStringLiteral("rail"));
    rail->setMovable(false);
    rail->setFloatable(false);
    rail->setOrientation(Qt::Vertical);
    rail->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    rail->setIconSize(QSize(26, 26));
    addToolBar(Qt::LeftToolBarArea, rail);

    m_sectionGroup = new QActionGroup(this);
    m_rail = rail;
    // Presence, at the bottom of the rail.
    auto* spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_railEnd = rail->addWidget(spacer);
    m_presence = new QToolButton;
    m_presence->setObjectName(QStringLiteral("presence"));
    m_presence->setAccessibleName(tr("Your presence"));
    m_presence->setPopupMode(QToolButton::InstantPopup);
    m_presence->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    auto* menu = new QMenu(m_presence);
    for (const QString& show :
         {QStringLiteral("available"), QStringLiteral("away"), QStringLiteral("dnd")}) {
        QAction* a = menu->addAction(presenceDot(show), presenceLabel(show));
        connect(a, &QAction::triggered, this,
                [this, show] { setPresence(show, m_account.ownStatus()); });
    }
    menu->addSeparator();
    menu->addAction(tr("Set a status message…"), this, &MainWindow::askForStatusMessage);
    QAction* clear = menu->addAction(tr("Clear the status message"), this,
                                     [this] { setPresence(m_account.ownPresence(), {}); });
    connect(menu, &QMenu::aboutToShow, clear,
            [this, clear] { clear->setEnabled(!m_account.ownStatus().isEmpty()); });
    m_presence->setMenu(menu);
    // As the user left it (a "Do not disturb" survives a restart).
    const QSettings settings;
    setPresence(
        settings.value(QStringLiteral("presence/show"), QStringLiteral("available")).toString(),
        settings.value(QStringLiteral("presence/status")).toString());
    m_presenceAction = rail->addWidget(m_presence);
}

QString MainWindow::presenceLabel(const QString& show) {
    return show == u"away" ? tr("Away") : show == u"dnd" ? tr("Do not disturb") : tr("Available");
}

void MainWindow::setPresence(const QString& show, const QString& status) {
    m_account.setOwnPresence(show, status);
    QSettings settings;
    settings.setValue(QStringLiteral("presence/show"), m_account.ownPresence());
    settings.setValue(QStringLiteral("presence/status"), status);
    const QString label = presenceLabel(m_account.ownPresence());
    m_presence->setIcon(presenceDot(m_account.ownPresence()));
    m_presence->setText(label);
    m_presence->setToolTip(status.isEmpty() ? tr("Your presence: %1").arg(label)
                                            : tr("Your presence: %1, \"%2\"").arg(label, status));
    m_presence->setAccessibleDescription(m_presence->toolTip());
}

void MainWindow::askForStatusMessage() {
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("statusMessageDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Status message"));
    dialog->setLabelText(
        tr("What colleagues see beside your name, e.g. \"On the phone until 3\":"));
    dialog->setTextValue(m_account.ownStatus());
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString& text) { setPresence(m_account.ownPresence(), text.trimmed()); });
    dialog->open();
}

QAction* MainWindow::addSection(QWidget* section, const QString& icon, const QString& title) {
    m_sections->addWidget(section);
    auto* action = new QAction(QIcon(icon), title, this);
    action->setCheckable(true);
    const int number = int(m_sectionGroup->actions().size()) + 1;
    if (number <= 9) {
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        action->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(number));
    }
    action->setChecked(number == 1);
    m_sectionGroup->addAction(action);
    m_rail->insertAction(m_railEnd, action);
    connect(action, &QAction::triggered, this, [this, section] { showSection(section); });
    return action;
}

QWidget* MainWindow::currentSection() const {
    QWidget* current = m_sections->currentWidget();
    auto* host = qobject_cast<SectionHost*>(current);
    return host ? host->content() : current;
}

void MainWindow::showSection(QWidget* section) {
    SectionHost* host = SectionHost::of(section);
    m_sections->setCurrentWidget(host && m_sections->indexOf(host) >= 0 ? host : section);
    for (QAction* a : m_sectionGroup->actions()) {
        if (m_sections->currentIndex() == m_sectionGroup->actions().indexOf(a)) {
            a->setChecked(true);
        }
    }
}

LibraryView* MainWindow::library() {
    m_libraryHost->content();
    return m_library;
}

TipsView* MainWindow::tips() {
    if (m_tipsHost) {
        m_tipsHost->content();
    }
    return m_tips;
}

SearchPalette* MainWindow::searchPalette() {
    if (m_search) {
        return m_search;
    }
    // Ctrl+K: one search over everything, and a jump to what was chosen. Built on first use,
    // not with the window: its widgets and icons were 2 to 3 ms of the first paint.
    m_search = new SearchPalette(m_account, this);
    connect(m_search, &SearchPalette::messageChosen, this,
            [this](const QString& peer, qint64 rowId) {
                showSection(m_chats);
                m_chats->showMessage(peer, rowId);
            });
    connect(m_search, &SearchPalette::answerChosen, this, [this](const QString& id) {
        showSection(library());
        library()->select(id);
    });
    connect(m_search, &SearchPalette::tipChosen, this, [this](const QString& id) {
        if (TipsView* view = tips()) {
            showSection(view);
            view->showTip(id);
        }
    });
    return m_search;
}

int MainWindow::unreadTotal() const {
    return m_conversations->totalUnread();
}

void MainWindow::updateTitle() {
    const int unread = unreadTotal();
    setWindowTitle(unread > 0 ? tr("(%1) Rapport").arg(unread) : tr("Rapport"));
    if (m_tray) {
        m_tray->setUnread(unread);
    }
}

void MainWindow::buildNotifications() {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new TrayIcon(this, this);
        m_tray->show();
    }
    auto* backend = DesktopNotifications::create(m_tray, this);
    m_notifier = new Notifier(m_account, this, backend, this);
    connect(m_notifier, &Notifier::openConversation, this,
            &MainWindow::openConversationFromOutside);
}

void MainWindow::openConversationFromOutside(const QString& peer) {
    bringToFront(this);
    showSection(m_chats);
    m_chats->openConversation(peer);
    m_notifier->conversationOpened(peer);
}

void MainWindow::openSettings() {
    const QString defaultService = QStringLiteral("pubsub.") + m_account.jid().domain();
    auto* dialog = new SettingsDialog(AppSettings::load(), defaultService, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_account.isLocalOnly()) {
        SettingsDialog::OwnName own;
        own.name = m_account.ownProfileName();
        own.placeholder = m_account.jid().local();
        if (!m_account.isOnline()) {
            own.offlineReason = tr("Your name is kept on the server: connect to change it.");
        }
        own.publish = [this](const QString& name) { return m_account.setOwnName(name); };
        dialog->setOwnName(own);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const AppSettings chosen = dialog->settings();
        chosen.save();
        applySettings(chosen);
        statusBar()->showMessage(tr("Settings saved."), 4000);
    });
    dialog->open();
}

void MainWindow::applySettings(const AppSettings& settings) {
    applyTheme(settings.theme);
    m_notifier->setEnabled(settings.notifications);
    m_notifier->setSounds(settings.sounds);
    const Jid service(settings.teamService.isEmpty()
                          ? QStringLiteral("pubsub.") + m_account.jid().domain()
                          : settings.teamService);
    // Only a real change rebuilds the library's and feed's syncs.
    if (service.bare() != m_account.teamService()) {
        m_account.setTeamService(service);
    }
}

void MainWindow::updateConnection() {
    if (m_account.isLocalOnly()) {
        m_connection->setText(tr("No account: your library on this computer"));
        return;
    }
    m_connection->setText(m_connectionState->text());
    m_connection->setToolTip(m_connectionState->lastError());
    m_reviewCertificate->setVisible(m_connectionState->certificateRejected() &&
                                    !m_connectionState->rejectedCertificate().isNull());
}

void MainWindow::reviewCertificate() {
    const QSslCertificate certificate = m_connectionState->rejectedCertificate();
    if (certificate.isNull()) {
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("certificateDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Server certificate"));
    auto* intro =
        new QLabel(tr("Rapport stopped connecting: nobody you trust vouches for the "
                      "server's certificate. It may be your team's own certificate, "
                      "or someone in between. Compare its fingerprint with the one "
                      "your administrator gave you before you trust it."));
    intro->setWordWrap(true);
    auto* panel = new CertificateTrustPanel;
    panel->showCertificate(certificate);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(panel, &CertificateTrustPanel::trusted, dialog, [this, dialog] {
        m_account.setTrustedCertificates(trustedCertificates());
        m_account.reconnect();
        dialog->accept();
    });
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(panel);
    layout->addWidget(buttons);
    dialog->resize(560, dialog->sizeHint().height());
    dialog->open();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // Back at the window: the open conversation's notification is old news.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_notifier &&
        currentSection() == m_chats && !m_chats->pane()->peer().isEmpty()) {
        m_notifier->conversationOpened(m_chats->pane()->peer());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

}  // namespace rapport::ui
