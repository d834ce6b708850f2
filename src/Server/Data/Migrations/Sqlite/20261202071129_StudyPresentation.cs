using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StudyPresentation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UpscaledSources",
                table: "Studies",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpscalingAllowedAt",
                table: "Studies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpscalingAllowedBy",
                table: "Studies",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpscalingReason",
                table: "Studies",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StudyShowings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DraftResponse = table.Column<int>(type: "INTEGER", nullable: true),
                    DraftTags = table.Column<string>(type: "TEXT", nullable: false),
                    DraftComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyShowings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyShowings_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StudyShowings_StudyId_RaterId_Position",
                table: "StudyShowings",
                columns: new[] { "StudyId", "RaterId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyShowings_Token",
                table: "StudyShowings",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudyShowings");

            migrationBuilder.DropColumn(
                name: "UpscaledSources",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "UpscalingAllowedAt",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "UpscalingAllowedBy",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "UpscalingReason",
                table: "Studies");
        }
    }
}
