/// Every migration, in order. Add new ones at the end; never edit one that has shipped.
public enum Migrations {
    public static let all: [Migration] = [
        Migration0001CreateUnits.migration,
        Migration0002CreateActivityRecords.migration,
        Migration0003CreateEconomicRecords.migration,
        Migration0004CreateFactorSets.migration,
        Migration0005CreateInventories.migration,
        Migration0006AddBatchesToUnitsAndEconomic.migration,
        Migration0007CreateAccounts.migration,
        Migration0008CreateAuditLog.migration,
        Migration0009CreateReview.migration,
        Migration0010CreateFindings.migration,
        Migration0011CreateGovernance.migration,
        Migration0012CreateActivitySpans.migration,
        Migration0013CreateRegionalStatistics.migration,
        Migration0014CreatePathwayPlans.migration,
        Migration0015PlansForUnits.migration,
        Migration0016CreateAssets.migration,
        Migration0017BenchmarkAllocation.migration,
        Migration0018ProjectMeasures.migration,
        Migration0019DropImpossibleInventories.migration,
        Migration0020ChangeNotifications.migration,
        Migration0021LinesWithoutRowChecks.migration,
        Migration0022CreateFootprintModels.migration,
        Migration0023CreateIssuedReports.migration,
        Migration0024CreateScope3Records.migration,
    ]
}
