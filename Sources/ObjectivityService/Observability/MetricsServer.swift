public import Hummingbird

/// `/metrics` and `/health` over HTTP on 127.0.0.1 only (Hummingbird): for Prometheus and
/// for whoever checks that the service is alive. Nothing personal is ever served here.
public enum MetricsServer {
    /// The application; run it with `run()` beside the daemon, cancel the task to stop it.
    public static func application(daemon: ServiceDaemon, port: Int) -> some ApplicationProtocol {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            let text = MetricsText.render(await daemon.counters, queueDepth: daemon.queueDepth)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("health") { _, _ -> Response in
            let counters = await daemon.counters
            let last = counters.lastSuccess.map { String(Int($0.timeIntervalSince1970)) } ?? "null"
            let body = "{\"status\":\"\(counters.ready ? "ok" : "starting")\",\"last_success\":\(last),\"units\":\(counters.units)}\n"
            return Response(status: counters.ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
    }
}
