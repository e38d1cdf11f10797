import Metrics
import Prometheus

/// The process's one Prometheus registry, behind swift-metrics. `MetricsSystem.bootstrap` may run only once per
/// process while one process may build many applications (the tests do), so the first use bootstraps and every
/// later one shares the registry.
public enum ProcessMetrics {
    private static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Call before anything makes a counter, timer or gauge: one made earlier stays a no-op for good.
    public static func bootstrap() { _ = registry }

    /// Every series in the Prometheus text format.
    static func exposition() -> [UInt8] { registry.emitToBuffer() }
}
