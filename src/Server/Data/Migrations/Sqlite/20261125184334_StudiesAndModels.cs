using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StudiesAndModels : Migration
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
                defaultValue: "");

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

            migrationBuilder.CreateTable(
                name: "Studies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RealDatasetId = table.Column<int>(type: "INTEGER", nullable: true),
                    RealLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RealCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentationSize = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatShare = table.Column<double>(type: "REAL", nullable: false),
                    Feedback = table.Column<bool>(type: "INTEGER", nullable: false),
                    ArtifactTags = table.Column<string>(type: "TEXT", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Studies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Studies_Datasets_RealDatasetId",
                        column: x => x.RealDatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Truth = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DatasetImageId = table.Column<long>(type: "INTEGER", nullable: true),
                    GeneratedImageId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyItems_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyPoolSources",
                columns: table => new
                {
                    StudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyPoolSources", x => new { x.StudyId, x.PoolId });
                    table.ForeignKey(
                        name: "FK_StudyPoolSources_GeneratedPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "GeneratedPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyPoolSources_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyRaters",
                columns: table => new
                {
                    StudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OrderSeed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyRaters", x => new { x.StudyId, x.UserId });
                    table.ForeignKey(
                        name: "FK_StudyRaters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyRaters_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterId = table.Column<string>(type: "TEXT", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    RepeatIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Response = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Answers_AspNetUsers_RaterId",
                        column: x => x.RaterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Answers_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Answers_StudyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "StudyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedPools_ModelId",
                table: "GeneratedPools",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_ItemId",
                table: "Answers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_RaterId",
                table: "Answers",
                column: "RaterId");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_StudyId_RaterId_ItemId_RepeatIndex",
                table: "Answers",
                columns: new[] { "StudyId", "RaterId", "ItemId", "RepeatIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Answers_StudyId_RaterId_Position",
                table: "Answers",
                columns: new[] { "StudyId", "RaterId", "Position" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Studies_Name",
                table: "Studies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Studies_RealDatasetId",
                table: "Studies",
                column: "RealDatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyItems_StudyId",
                table: "StudyItems",
                column: "StudyId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyItems_Token",
                table: "StudyItems",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyPoolSources_PoolId",
                table: "StudyPoolSources",
                column: "PoolId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyRaters_UserId",
                table: "StudyRaters",
                column: "UserId");

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
                name: "Answers");

            migrationBuilder.DropTable(
                name: "GeneratorModels");

            migrationBuilder.DropTable(
                name: "StudyPoolSources");

            migrationBuilder.DropTable(
                name: "StudyRaters");

            migrationBuilder.DropTable(
                name: "StudyItems");

            migrationBuilder.DropTable(
                name: "Studies");

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
