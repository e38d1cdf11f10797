import Foundation
import GongkaiStore
import Hummingbird

/// `/healthz`: 200 with `{"status": "ok", "database": true, "instance": "host:pid", "jobLeader": true|false}` while
/// the database answers, 503 with `"status": "unavailable"` while it does not (load balancers take the instance out).
struct HealthController {
    let database: GongkaiDatabase
    let leader: JobLeader?

    struct Health: Encodable {
        var status: String
        var database: Bool
        var instance: String?
        var jobLeader: Bool?
    }

    func addRoutes(to router: Router<WebContext>) {
        router.get(.health) { _, _ -> Response in
            let up = (try? await database.sql.raw("SELECT 1 AS ok").first()) != nil
            var health = Health(status: up ? "ok" : "unavailable", database: up, instance: leader?.instance, jobLeader: nil)
            if let leader { health.jobLeader = await leader.isLeader }
            let body = (try? JSONEncoder().encode(health)) ?? Data()
            return Response(status: up ? .ok : .serviceUnavailable, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
