/// PostgreSQL: every table notifies its changes (`ChangeNotifications`), so that what the server
/// remembers between requests — sign-ins, indicator answers — can be used on PostgreSQL as on
/// SQLite. Nothing changes on SQLite, whose file tells of its changes itself.
enum Migration0020ChangeNotifications {
    static let migration = Migration(version: 20, name: "ChangeNotifications") { dialect in
        dialect == .postgres ? ChangeNotifications.triggerStatements : []
    }
}
