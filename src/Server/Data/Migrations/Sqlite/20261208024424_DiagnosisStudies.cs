using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiagnosisStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftDiagnosis",
                table: "StudyShowings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "StudyPoolSources",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Class",
                table: "StudyItems",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AskDiagnosis",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RealClassMix",
                table: "Studies",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Task",
                table: "Studies",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Realism");

            migrationBuilder.AddColumn<string>(
                name: "Diagnosis",
                table: "Answers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftDiagnosis",
                table: "StudyShowings");

            migrationBuilder.DropColumn(
                name: "SourceName",
                table: "StudyPoolSources");

            migrationBuilder.DropColumn(
                name: "Class",
                table: "StudyItems");

            migrationBuilder.DropColumn(
                name: "AskDiagnosis",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "RealClassMix",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "Task",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "Diagnosis",
                table: "Answers");
        }
    }
}
