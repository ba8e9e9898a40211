import Foundation
import ObjectivityIngest
import ObjectivityTesting

/// The reader and the framing of the target chosen by `FUZZ_TARGET` (default `csv`),
/// built once per process: one instrumented binary serves every target.
struct FuzzHarness: Sendable {
    let target: FuzzTarget
    let reader: InputFileReader
    let framing: FuzzTarget.Framing

    static func fromEnvironment() -> FuzzHarness {
        let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "csv"
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do {
            return FuzzHarness(target: target, reader: try FuzzTarget.reader(), framing: try target.framing())
        } catch {
            fatalError("cannot load models/ or fixtures/: \(error)")
        }
    }

    /// Reads one input; any outcome but a crash, a hang or a sanitizer report is a pass.
    func run(_ input: UnsafeBufferPointer<UInt8>) {
        _ = reader.read(bytes: framing.frame(input), name: target.fileName)
    }
}

let harness = FuzzHarness.fromEnvironment()

/// libFuzzer's callback: one input.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    harness.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's driver, called from our own `main`: SwiftPM links executables with their
/// entry point renamed, so libFuzzer's `main` cannot be used.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
