using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <summary>Worker jobs get a kind (instead of the IsExperiment flag) and a number per kind, given to existing jobs in id order.</summary>
    public partial class WorkerJobKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "TrainingJobs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Training");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "TrainingJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE TrainingJobs SET Kind = CASE WHEN IsExperiment THEN 'Experiment' ELSE 'Training' END;");
            migrationBuilder.Sql(
                "UPDATE TrainingJobs SET Number = (SELECT COUNT(*) FROM TrainingJobs AS t WHERE t.Kind = TrainingJobs.Kind AND t.Id <= TrainingJobs.Id);");

            migrationBuilder.DropColumn(
                name: "IsExperiment",
                table: "TrainingJobs");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingJobs_Kind_Number",
                table: "TrainingJobs",
                columns: new[] { "Kind", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsExperiment",
                table: "TrainingJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE TrainingJobs SET IsExperiment = (Kind = 'Experiment');");

            migrationBuilder.DropIndex(
                name: "IX_TrainingJobs_Kind_Number",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "TrainingJobs");
        }
    }
}
