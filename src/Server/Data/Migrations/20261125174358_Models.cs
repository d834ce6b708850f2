using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class Models : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "GeneratedPools",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ModelId",
                table: "GeneratedPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestedCount",
                table: "GeneratedPools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Seed",
                table: "GeneratedPools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "GeneratedPools",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Succeeded");

            migrationBuilder.AddColumn<double>(
                name: "Truncation",
                table: "GeneratedPools",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GeneratorModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Output = table.Column<string>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", nullable: false),
                    Class = table.Column<string>(type: "TEXT", nullable: true),
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OnnxPath = table.Column<string>(type: "TEXT", nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    SampleSha256s = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeneratorModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedPools_ModelId",
                table: "GeneratedPools",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_GeneratorModels_Name",
                table: "GeneratorModels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GeneratorModels_Sha256",
                table: "GeneratorModels",
                column: "Sha256",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_GeneratedPools_GeneratorModels_ModelId",
                table: "GeneratedPools",
                column: "ModelId",
                principalTable: "GeneratorModels",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GeneratedPools_GeneratorModels_ModelId",
                table: "GeneratedPools");

            migrationBuilder.DropTable(
                name: "GeneratorModels");

            migrationBuilder.DropIndex(
                name: "IX_GeneratedPools_ModelId",
                table: "GeneratedPools");

            migrationBuilder.DropColumn(
                name: "Message",
                table: "GeneratedPools");

            migrationBuilder.DropColumn(
                name: "ModelId",
                table: "GeneratedPools");

            migrationBuilder.DropColumn(
                name: "RequestedCount",
                table: "GeneratedPools");

            migrationBuilder.DropColumn(
                name: "Seed",
                table: "GeneratedPools");

            migrationBuilder.DropColumn(
                name: "State",
                table: "GeneratedPools");

            migrationBuilder.DropColumn(
                name: "Truncation",
                table: "GeneratedPools");
        }
    }
}
