using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "StudyPoolSources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Class",
                table: "StudyItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AskDiagnosis",
                table: "Studies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RealClassMix",
                table: "Studies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Task",
                table: "Studies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Realism");

            migrationBuilder.AddColumn<string>(
                name: "Diagnosis",
                table: "Answers",
                type: "character varying(100)",
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
