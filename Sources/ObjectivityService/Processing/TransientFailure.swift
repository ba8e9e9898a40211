internal import Foundation
internal import GRDB
import ObjectivityReports

/// Whether an error is the machine's, not the upload's, and passes: a full disk (or the
/// service's file-size or quota limit), an I/O error, the store locked by someone else
/// beyond the busy timeout. Such work is retried; the upload is not rejected for it.
enum TransientFailure {
    private static let codes: Set<Int32> = [ENOSPC, EFBIG, EDQUOT, EIO]

    static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let failure as AtomicFileWriter.Failure:
            return codes.contains(failure.code)
        case let failure as POSIXError:
            return codes.contains(failure.code.rawValue)
        case let failure as DatabaseError:
            return [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED].contains(failure.resultCode)
        case let failure as CocoaError:
            return failure.code == .fileWriteOutOfSpace
        default:
            let ns = error as NSError
            return ns.domain == NSPOSIXErrorDomain && codes.contains(Int32(ns.code))
        }
    }
}
