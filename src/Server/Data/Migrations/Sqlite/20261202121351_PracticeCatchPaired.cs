using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PracticeCatchPaired : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PairItemId",
                table: "StudyShowings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PairToken",
                table: "StudyShowings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "StudyItems",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Main"); // items frozen before roles existed are all main items

            migrationBuilder.AddColumn<int>(
                name: "CatchCount",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PracticeCount",
                table: "Studies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "PracticePassMark",
                table: "Studies",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PairItemId",
                table: "Answers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyShowings_PairToken",
                table: "StudyShowings",
                column: "PairToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StudyShowings_PairToken",
                table: "StudyShowings");

            migrationBuilder.DropColumn(
                name: "PairItemId",
                table: "StudyShowings");

            migrationBuilder.DropColumn(
                name: "PairToken",
                table: "StudyShowings");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "StudyItems");

            migrationBuilder.DropColumn(
                name: "CatchCount",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "PracticeCount",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "PracticePassMark",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "PairItemId",
                table: "Answers");
        }
    }
}
