using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StudyProtocols : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing studies and answers are untimed; their defaults are the set-up form's.
            migrationBuilder.AddColumn<long>(
                name: "ExcludedAt",
                table: "StudyRaters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExcludedBy",
                table: "StudyRaters",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExposureMs",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 500);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Studies",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Untimed");

            migrationBuilder.AddColumn<int>(
                name: "StaircaseMaxMs",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2000);

            migrationBuilder.AddColumn<int>(
                name: "StaircaseMinMs",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "StaircaseStartMs",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 500);

            migrationBuilder.AddColumn<string>(
                name: "Chosen",
                table: "Answers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExposureMissed",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ExposureMs",
                table: "Answers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCatch",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsPractice",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Answers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Untimed");

            migrationBuilder.AddColumn<int>(
                name: "TargetExposureMs",
                table: "Answers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExcludedAt",
                table: "StudyRaters");

            migrationBuilder.DropColumn(
                name: "ExcludedBy",
                table: "StudyRaters");

            migrationBuilder.DropColumn(
                name: "ExposureMs",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "StaircaseMaxMs",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "StaircaseMinMs",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "StaircaseStartMs",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "Chosen",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "ExposureMissed",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "ExposureMs",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "IsCatch",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "IsPractice",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "TargetExposureMs",
                table: "Answers");
        }
    }
}
