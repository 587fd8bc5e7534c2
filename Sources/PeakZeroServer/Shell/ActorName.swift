import Persistence

/// Who made a change, as a page names them: an account by its name, PeakZero's own work (the
/// demo's data, computations nobody asked for) as "系统" or "system" in the page's language.
enum ActorName {
    static func shown(_ name: String, _ t: Words) -> String {
        name == AuditActor.system.name ? t[.actorSystem] : name
    }
}
