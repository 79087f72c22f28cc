using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace HyperSearch.Data.Migrations;

/// <summary>
/// Hand-written (EF Design cannot be restored here). Column types come from each provider's
/// mapping of the CLR type (SQLite INTEGER/REAL/TEXT, PostgreSQL bigint/double precision/text…);
/// timestamps are UTC ticks (bigint). Data.Tests compare the migrated schema with the model's own
/// (EnsureCreated) on both providers, which replaces the model snapshot check.
/// </summary>
[DbContext(typeof(HyperSearchDbContext))]
[Migration("20261121090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Searches",
            columns: table => new
            {
                Id = Identity(table),
                Name = table.Column<string>(nullable: false),
                Owner = table.Column<string>(nullable: false),
                Workload = table.Column<string>(nullable: false),
                Strategy = table.Column<string>(nullable: false),
                SpaceJson = table.Column<string>(nullable: false),
                Objective = table.Column<string>(nullable: false),
                Direction = table.Column<string>(nullable: false),
                Budget = table.Column<int>(nullable: false),
                Parallelism = table.Column<int>(nullable: false),
                Epochs = table.Column<int>(nullable: false),
                ScheduleUnit = table.Column<string>(nullable: false),
                Seed = table.Column<int>(nullable: false),
                GridPoints = table.Column<int>(nullable: false),
                PrunerJson = table.Column<string>(nullable: false),
                Priority = table.Column<int>(nullable: false),
                State = table.Column<string>(nullable: false),
                SamplerExhausted = table.Column<bool>(nullable: false),
                BestTrialId = table.Column<long>(nullable: true),
                BestValue = table.Column<double>(nullable: true),
                TestLoss = table.Column<double>(nullable: true),
                TestAccuracy = table.Column<double>(nullable: true),
                Error = table.Column<string>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                FinishedAt = table.Column<long>(nullable: true),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Searches", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Trials",
            columns: table => new
            {
                Id = Identity(table),
                SearchId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Number = table.Column<int>(nullable: false),
                ConfigJson = table.Column<string>(nullable: false),
                InitialLr = table.Column<double>(nullable: false),
                DecayType = table.Column<string>(nullable: false),
                OptimizerType = table.Column<string>(nullable: true),
                BatchSize = table.Column<int>(nullable: true),
                WarmupSteps = table.Column<int>(nullable: true),
                State = table.Column<string>(nullable: false),
                Attempt = table.Column<int>(nullable: false),
                CancelRequested = table.Column<bool>(nullable: false),
                WorkerId = table.Column<string>(nullable: true),
                Device = table.Column<string>(nullable: true),
                Slot = table.Column<int>(nullable: true),
                LeaseExpiresAt = table.Column<long>(nullable: true),
                EpochsDone = table.Column<int>(nullable: false),
                BestValue = table.Column<double>(nullable: true),
                FinalValue = table.Column<double>(nullable: true),
                TestLoss = table.Column<double>(nullable: true),
                TestAccuracy = table.Column<double>(nullable: true),
                Diagnosis = table.Column<string>(nullable: true),
                Error = table.Column<string>(nullable: true),
                QueuedAt = table.Column<long>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                StartedAt = table.Column<long>(nullable: true),
                FinishedAt = table.Column<long>(nullable: true),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Trials", x => x.Id);
                table.ForeignKey("FK_Trials_Searches_SearchId", x => x.SearchId, "Searches", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EpochMetrics",
            columns: table => new
            {
                Id = Identity(table),
                TrialId = table.Column<long>(nullable: false),
                Epoch = table.Column<int>(nullable: false),
                TrainLoss = table.Column<double>(nullable: true),
                ValLoss = table.Column<double>(nullable: true),
                ValAccuracy = table.Column<double>(nullable: true),
                Lr = table.Column<double>(nullable: true),
                ElapsedSeconds = table.Column<double>(nullable: false),
                Attempt = table.Column<int>(nullable: false),
                RecordedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EpochMetrics", x => x.Id);
                table.ForeignKey("FK_EpochMetrics_Trials_TrialId", x => x.TrialId, "Trials", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Workers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Host = table.Column<string>(nullable: false),
                ProcessId = table.Column<int>(nullable: false),
                DevicesJson = table.Column<string>(nullable: false),
                StartedAt = table.Column<long>(nullable: false),
                HeartbeatAt = table.Column<long>(nullable: false),
                StoppedAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Workers", x => x.Id));

        migrationBuilder.CreateIndex("IX_Searches_CreatedAt", "Searches", "CreatedAt");
        migrationBuilder.CreateIndex("IX_Searches_State", "Searches", "State");
        migrationBuilder.CreateIndex("IX_Searches_UpdatedAt", "Searches", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_Trials_SearchId_Kind_Number", "Trials", ["SearchId", "Kind", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Trials_SearchId_State", "Trials", ["SearchId", "State"]);
        migrationBuilder.CreateIndex("IX_Trials_SearchId_BestValue", "Trials", ["SearchId", "BestValue"]);
        migrationBuilder.CreateIndex("IX_Trials_State_QueuedAt", "Trials", ["State", "QueuedAt"]);
        migrationBuilder.CreateIndex("IX_Trials_WorkerId", "Trials", "WorkerId");
        migrationBuilder.CreateIndex("IX_Trials_UpdatedAt", "Trials", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_EpochMetrics_TrialId_Epoch", "EpochMetrics", ["TrialId", "Epoch"], unique: true);
        migrationBuilder.CreateIndex("IX_Workers_HeartbeatAt", "Workers", "HeartbeatAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("EpochMetrics");
        migrationBuilder.DropTable("Trials");
        migrationBuilder.DropTable("Workers");
        migrationBuilder.DropTable("Searches");
    }

    // An auto-increment key on both providers; each ignores the other's annotation.
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
