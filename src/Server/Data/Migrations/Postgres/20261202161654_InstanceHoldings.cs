using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstanceHoldings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InstanceKey",
                table: "TrainingJobs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartedOn",
                table: "Studies",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkerConnections",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstanceKey = table.Column<long>(type: "bigint", nullable: false),
                    TokenId = table.Column<int>(type: "integer", nullable: false),
                    TokenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Device = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ConnectedAt = table.Column<long>(type: "bigint", nullable: false),
                    JobId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerConnections", x => x.ConnectionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkerConnections_InstanceKey",
                table: "WorkerConnections",
                column: "InstanceKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkerConnections");

            migrationBuilder.DropColumn(
                name: "InstanceKey",
                table: "TrainingJobs");

            migrationBuilder.DropColumn(
                name: "StartedOn",
                table: "Studies");
        }
    }
}
