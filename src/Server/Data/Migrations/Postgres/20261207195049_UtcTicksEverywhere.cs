using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Postgres
{
    /// <summary>Every time is stored as UTC ticks by one convention; Identity's LockoutEnd was the last stored as a timestamp.</summary>
    public partial class UtcTicksEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL cannot cast the type by itself: ticks since 0001-01-01 UTC, to the microsecond.
            migrationBuilder.Sql("""
                ALTER TABLE "AspNetUsers" ALTER COLUMN "LockoutEnd" TYPE bigint
                USING (round(extract(epoch FROM "LockoutEnd") * 1000000) * 10)::bigint + 621355968000000000;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "AspNetUsers" ALTER COLUMN "LockoutEnd" TYPE timestamp with time zone
                USING to_timestamp(("LockoutEnd" - 621355968000000000) / 10000000.0);
                """);
        }
    }
}
