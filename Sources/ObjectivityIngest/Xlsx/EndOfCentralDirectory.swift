import Foundation

/// Where a ZIP archive's end-of-central-directory record sits, checked before the archive
/// is handed to ZIPFoundation.
///
/// Without the record ZIPFoundation scans the whole file backwards, four bytes at a time
/// through `fread`, before it gives up — and its in-memory archive leaked the whole upload
/// when it did (found by fuzzing: scripts/fuzz.sh xlsx; archives are now opened from a
/// file, see ``WorkbookSource``). The ZIP format puts the record, 22 bytes plus a comment
/// of at most 65,535, at the very end; this finds the last signature there, as
/// ZIPFoundation does, and checks that the record and its comment fit.
enum EndOfCentralDirectory {
    /// Fixed size of the record, bytes.
    static let recordSize = 22
    private static let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// The record's offset, or `nil` when the bytes hold no complete one in their last
    /// 65,557 bytes.
    static func offset(in data: Data) -> Int? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= recordSize else { return nil }
            let lowest = max(0, bytes.count - recordSize - Int(UInt16.max))
            var position = bytes.count - recordSize
            while position >= lowest {
                if bytes[position] == signature[0], bytes[position + 1] == signature[1],
                   bytes[position + 2] == signature[2], bytes[position + 3] == signature[3] {
                    let commentLength = Int(bytes[position + 20]) | Int(bytes[position + 21]) << 8
                    return position + recordSize + commentLength <= bytes.count ? position : nil
                }
                position -= 1
            }
            return nil
        }
    }
}
