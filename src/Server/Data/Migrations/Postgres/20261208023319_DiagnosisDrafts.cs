using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DiagnosisDrafts : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftDiagnosis",
                table: "StudyShowings");
        }
    }
}
