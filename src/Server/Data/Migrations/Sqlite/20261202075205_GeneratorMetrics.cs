using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GeneratorMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Fd",
                table: "TrainingTicks",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Kid",
                table: "TrainingTicks",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JobId = table.Column<long>(type: "INTEGER", nullable: true),
                    Extractor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RealCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FakeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Fd = table.Column<double>(type: "REAL", nullable: false),
                    Kid = table.Column<double>(type: "REAL", nullable: false),
                    KidSd = table.Column<double>(type: "REAL", nullable: false),
                    Precision = table.Column<double>(type: "REAL", nullable: false),
                    Recall = table.Column<double>(type: "REAL", nullable: false),
                    Density = table.Column<double>(type: "REAL", nullable: false),
                    Coverage = table.Column<double>(type: "REAL", nullable: false),
                    MemorisationShare = table.Column<double>(type: "REAL", nullable: false),
                    PixelMemorisationShare = table.Column<double>(type: "REAL", nullable: false),
                    ClosestJson = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelMetrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelMetrics_GeneratorModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "GeneratorModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelMetrics_JobId",
                table: "ModelMetrics",
                column: "JobId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelMetrics_ModelId_ComputedAt",
                table: "ModelMetrics",
                columns: new[] { "ModelId", "ComputedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelMetrics");

            migrationBuilder.DropColumn(
                name: "Fd",
                table: "TrainingTicks");

            migrationBuilder.DropColumn(
                name: "Kid",
                table: "TrainingTicks");
        }
    }
}
