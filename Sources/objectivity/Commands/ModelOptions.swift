import ArgumentParser
import Foundation
import ObjectivityIngest

/// Where the reference data (`models/`) comes from; shared by every command that reads inputs.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "Directory with subjects.csv and scales.csv (default: $OBJECTIVITY_MODELS, ./models, or beside the executable).")
    var models: String?

    func load() throws -> ReferenceModels {
        guard let directory = ReferenceModels.locateDirectory(explicit: models) else {
            throw ValidationError("Укажите каталог моделей через --models или OBJECTIVITY_MODELS: models/scales.csv не найден.")
        }
        return try ReferenceModels.load(directory: directory)
    }
}
