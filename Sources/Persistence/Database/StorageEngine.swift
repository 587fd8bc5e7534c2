/// The two ways the stores do bulk work — writing an import, computing an inventory — chosen once,
/// when the database opens. Stores switch over it; nothing else asks which database it is.
public enum StorageEngine: Sendable, Equatable {
    /// SQLite: bulk work runs on a raw connection of its own, opened at `path` (the file, or the
    /// in-RAM database's), off the async threads; a CSV import streams through it.
    case sqliteBulk(path: String)
    /// PostgreSQL: queries go through SQLKit, bulk writes through `COPY` on the same connection
    /// (`PostgresCopy`); an import reads its file whole.
    case portable
}
