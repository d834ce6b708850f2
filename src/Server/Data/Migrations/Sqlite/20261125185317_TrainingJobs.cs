using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RunKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WorkerTokenId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Device = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalSteps = table.Column<long>(type: "INTEGER", nullable: false),
                    Epoch = table.Column<int>(type: "INTEGER", nullable: false),
                    ImagesPerSecond = table.Column<double>(type: "REAL", nullable: true),
                    LatestGridSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReservedFor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReservedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Interruptions = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkerTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsLocal = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingGrids",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingGrids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingGrids_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingTicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    Epoch = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalSteps = table.Column<long>(type: "INTEGER", nullable: false),
                    LossD = table.Column<double>(type: "REAL", nullable: false),
                    LossG = table.Column<double>(type: "REAL", nullable: false),
                    LossR1 = table.Column<double>(type: "REAL", nullable: true),
                    ImagesPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    ElapsedSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingTicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingTicks_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingGrids_JobId_Step",
                table: "TrainingGrids",
                columns: new[] { "JobId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingJobs_RunKey",
                table: "TrainingJobs",
                column: "RunKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingJobs_State",
                table: "TrainingJobs",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingTicks_JobId_Step",
                table: "TrainingTicks",
                columns: new[] { "JobId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkerTokens_TokenHash",
                table: "WorkerTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingGrids");

            migrationBuilder.DropTable(
                name: "TrainingTicks");

            migrationBuilder.DropTable(
                name: "WorkerTokens");

            migrationBuilder.DropTable(
                name: "TrainingJobs");
        }
    }
}
