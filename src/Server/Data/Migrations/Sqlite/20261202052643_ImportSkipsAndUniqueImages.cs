using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportSkipsAndUniqueImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DatasetSkips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetSkips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatasetSkips_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Older imports could hold one image twice in a dataset (good2.png and GOOD2.PNG). Keep the first row
            // (lowest id), record each later one as skipped, as a new import would, then let the index forbid it.
            migrationBuilder.Sql("""
                INSERT INTO DatasetSkips (DatasetId, Item, Reason)
                SELECT later.DatasetId, later.Origin, 'the same image as ' || first.Origin
                FROM DatasetImages AS later
                JOIN DatasetImages AS first ON first.Id = (
                    SELECT MIN(m.Id) FROM DatasetImages AS m WHERE m.DatasetId = later.DatasetId AND m.Sha256 = later.Sha256)
                WHERE later.Id <> first.Id
                ORDER BY later.Id;
                """);
            // A frozen study item may name a later copy: point it at the row that stays (same dataset, same pixels).
            migrationBuilder.Sql("""
                UPDATE StudyItems SET DatasetImageId = (
                    SELECT MIN(m.Id) FROM DatasetImages AS m JOIN DatasetImages AS d ON d.Id = StudyItems.DatasetImageId
                    WHERE m.DatasetId = d.DatasetId AND m.Sha256 = d.Sha256)
                WHERE DatasetImageId IN (SELECT Id FROM DatasetImages)
                  AND DatasetImageId NOT IN (SELECT MIN(Id) FROM DatasetImages GROUP BY DatasetId, Sha256);
                """);
            migrationBuilder.Sql("DELETE FROM DatasetImages WHERE Id NOT IN (SELECT MIN(Id) FROM DatasetImages GROUP BY DatasetId, Sha256);");

            migrationBuilder.CreateIndex(
                name: "IX_DatasetImages_DatasetId_Sha256",
                table: "DatasetImages",
                columns: new[] { "DatasetId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetSkips_DatasetId",
                table: "DatasetSkips",
                column: "DatasetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatasetSkips");

            migrationBuilder.DropIndex(
                name: "IX_DatasetImages_DatasetId_Sha256",
                table: "DatasetImages");
        }
    }
}
