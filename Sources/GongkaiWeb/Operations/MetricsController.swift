import GongkaiStore
import Hummingbird
import Metrics

/// `/metrics`: every series of this process in the Prometheus text format, for this machine or the holder of the
/// metrics token only (MetricsAccessMiddleware).
struct MetricsController {
    let database: GongkaiDatabase
    let token: String?

    func addRoutes(to router: Router<WebContext>) {
        let backend = [("backend", database.backend.rawValue)]
        let inUse = Gauge(label: "gongkai_db_connections_in_use", dimensions: backend)
        let waiting = Gauge(label: "gongkai_db_connections_waiting", dimensions: backend)
        router.group(SiteURL.metrics.route).add(middleware: MetricsAccessMiddleware(token: token)).get { _, _ -> Response in
            // Read at scrape time: the gate and the pool know their state, so nothing is counted on every query.
            let use = await database.connectionUse()
            inUse.record(use.inUse)
            waiting.record(use.waiting)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: ProcessMetrics.exposition())))
        }
    }
}
