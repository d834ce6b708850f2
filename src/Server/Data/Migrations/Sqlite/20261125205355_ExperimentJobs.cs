using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExperimentJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExperimentResultId",
                table: "TrainingJobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExperiment",
                table: "TrainingJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "HeldOutSplitSeed",
                table: "GeneratorModels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HeldOutTestFraction",
                table: "GeneratorModels",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JobId",
                table: "ExperimentResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExperimentRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Arm = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    TrainMelanoma = table.Column<int>(type: "INTEGER", nullable: false),
                    SyntheticMelanoma = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainOther = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentRuns_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentRuns_JobId_Arm_Seed",
                table: "ExperimentRuns",
                columns: new[] { "JobId", "Arm", "Seed" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentRuns");

            migrationBuilder.DropColumn(
                name: "ExperimentResultId",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "IsExperiment",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "HeldOutSplitSeed",
                table: "GeneratorModels");

            migrationBuilder.DropColumn(
                name: "HeldOutTestFraction",
                table: "GeneratorModels");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "ExperimentResults");
        }
    }
}
