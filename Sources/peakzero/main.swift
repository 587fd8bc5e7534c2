import PeakZeroCLI

PeakZeroCommand.main()
