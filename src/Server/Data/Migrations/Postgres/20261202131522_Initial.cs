using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Resolution = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    ExpectedCount = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Experiment = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Dataset = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ArmCount = table.Column<int>(type: "integer", nullable: false),
                    SeedCount = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false),
                    JobId = table.Column<long>(type: "bigint", nullable: true),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentResults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GeneratorModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Architecture = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Resolution = table.Column<int>(type: "integer", nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    Output = table.Column<string>(type: "text", nullable: false),
                    Dataset = table.Column<string>(type: "text", nullable: false),
                    Class = table.Column<string>(type: "text", nullable: true),
                    HeldOutTestFraction = table.Column<double>(type: "double precision", nullable: true),
                    HeldOutSplitSeed = table.Column<long>(type: "bigint", nullable: true),
                    Step = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OnnxPath = table.Column<string>(type: "text", nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    SampleSha256s = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeneratorModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevokedSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RunKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkerTokenId = table.Column<int>(type: "integer", nullable: true),
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Device = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Step = table.Column<long>(type: "bigint", nullable: false),
                    TotalSteps = table.Column<long>(type: "bigint", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    ImagesPerSecond = table.Column<double>(type: "double precision", nullable: true),
                    LatestGridSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    ReservedFor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReservedUntil = table.Column<long>(type: "bigint", nullable: true),
                    Interruptions = table.Column<int>(type: "integer", nullable: false),
                    ModelId = table.Column<int>(type: "integer", nullable: true),
                    ExperimentResultId = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkerTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsLocal = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DatasetImages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Origin = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatasetImages_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DatasetSkips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Studies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Instructions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RealDatasetId = table.Column<int>(type: "integer", nullable: true),
                    RealLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RealCount = table.Column<int>(type: "integer", nullable: false),
                    PresentationSize = table.Column<int>(type: "integer", nullable: false),
                    UpscalingReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpscalingAllowedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpscalingAllowedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpscaledSources = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepeatShare = table.Column<double>(type: "double precision", nullable: false),
                    Feedback = table.Column<bool>(type: "boolean", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExposureMs = table.Column<int>(type: "integer", nullable: false),
                    StaircaseStartMs = table.Column<int>(type: "integer", nullable: false),
                    StaircaseMinMs = table.Column<int>(type: "integer", nullable: false),
                    StaircaseMaxMs = table.Column<int>(type: "integer", nullable: false),
                    PracticeCount = table.Column<int>(type: "integer", nullable: false),
                    PracticePassMark = table.Column<double>(type: "double precision", nullable: true),
                    CatchCount = table.Column<int>(type: "integer", nullable: false),
                    ArtifactTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                name: "GeneratedPools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ModelName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Architecture = table.Column<string>(type: "text", nullable: true),
                    Resolution = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: true),
                    ModelId = table.Column<int>(type: "integer", nullable: true),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    Truncation = table.Column<double>(type: "double precision", nullable: true),
                    RequestedCount = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeneratedPools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GeneratedPools_GeneratorModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "GeneratorModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ModelMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelId = table.Column<int>(type: "integer", nullable: false),
                    Dataset = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobId = table.Column<long>(type: "bigint", nullable: true),
                    Extractor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RealCount = table.Column<int>(type: "integer", nullable: false),
                    FakeCount = table.Column<int>(type: "integer", nullable: false),
                    Fd = table.Column<double>(type: "double precision", nullable: false),
                    Kid = table.Column<double>(type: "double precision", nullable: false),
                    KidSd = table.Column<double>(type: "double precision", nullable: false),
                    Precision = table.Column<double>(type: "double precision", nullable: false),
                    Recall = table.Column<double>(type: "double precision", nullable: false),
                    Density = table.Column<double>(type: "double precision", nullable: false),
                    Coverage = table.Column<double>(type: "double precision", nullable: false),
                    MemorisationShare = table.Column<double>(type: "double precision", nullable: false),
                    PixelMemorisationShare = table.Column<double>(type: "double precision", nullable: false),
                    ClosestJson = table.Column<string>(type: "text", nullable: false),
                    ComputedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ExperimentRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Arm = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    MetricsJson = table.Column<string>(type: "text", nullable: false),
                    Seconds = table.Column<double>(type: "double precision", nullable: false),
                    TrainMelanoma = table.Column<int>(type: "integer", nullable: false),
                    SyntheticMelanoma = table.Column<int>(type: "integer", nullable: false),
                    TrainOther = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentRuns_TrainingJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "TrainingJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingGrids",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Step = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Step = table.Column<long>(type: "bigint", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    TotalSteps = table.Column<long>(type: "bigint", nullable: false),
                    LossD = table.Column<double>(type: "double precision", nullable: false),
                    LossG = table.Column<double>(type: "double precision", nullable: false),
                    LossR1 = table.Column<double>(type: "double precision", nullable: true),
                    ImagesPerSecond = table.Column<double>(type: "double precision", nullable: false),
                    Fd = table.Column<double>(type: "double precision", nullable: true),
                    Kid = table.Column<double>(type: "double precision", nullable: true),
                    ElapsedSeconds = table.Column<double>(type: "double precision", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "StudyItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudyId = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Truth = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DatasetImageId = table.Column<long>(type: "bigint", nullable: true),
                    GeneratedImageId = table.Column<long>(type: "bigint", nullable: true),
                    SourceSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
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
                name: "StudyRaters",
                columns: table => new
                {
                    StudyId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    OrderSeed = table.Column<long>(type: "bigint", nullable: false),
                    ExcludedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ExcludedAt = table.Column<long>(type: "bigint", nullable: true)
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
                name: "StudyShowings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudyId = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PairItemId = table.Column<long>(type: "bigint", nullable: true),
                    PairToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ShownAt = table.Column<long>(type: "bigint", nullable: true),
                    ShownExposureMs = table.Column<int>(type: "integer", nullable: true),
                    DraftResponse = table.Column<int>(type: "integer", nullable: true),
                    DraftTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    DraftComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "GeneratedImages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeneratedImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GeneratedImages_GeneratedPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "GeneratedPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyPoolSources",
                columns: table => new
                {
                    StudyId = table.Column<int>(type: "integer", nullable: false),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
                name: "Answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudyId = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "text", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    RepeatIndex = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: false),
                    ActiveMs = table.Column<long>(type: "bigint", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetExposureMs = table.Column<int>(type: "integer", nullable: true),
                    ExposureMs = table.Column<int>(type: "integer", nullable: true),
                    ExposureMissed = table.Column<bool>(type: "boolean", nullable: false),
                    IsPractice = table.Column<bool>(type: "boolean", nullable: false),
                    IsCatch = table.Column<bool>(type: "boolean", nullable: false),
                    Chosen = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PairItemId = table.Column<long>(type: "bigint", nullable: true)
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
                name: "IX_AccessTokens_TokenHash",
                table: "AccessTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_UserId",
                table: "AccessTokens",
                column: "UserId");

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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetImages_DatasetId_Label",
                table: "DatasetImages",
                columns: new[] { "DatasetId", "Label" });

            migrationBuilder.CreateIndex(
                name: "IX_DatasetImages_DatasetId_Origin",
                table: "DatasetImages",
                columns: new[] { "DatasetId", "Origin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetImages_DatasetId_Sha256",
                table: "DatasetImages",
                columns: new[] { "DatasetId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetImages_Sha256",
                table: "DatasetImages",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_Name",
                table: "Datasets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetSkips_DatasetId",
                table: "DatasetSkips",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentResults_UploadedAt",
                table: "ExperimentResults",
                column: "UploadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentRuns_JobId_Arm_Seed",
                table: "ExperimentRuns",
                columns: new[] { "JobId", "Arm", "Seed" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedImages_PoolId_Seed",
                table: "GeneratedImages",
                columns: new[] { "PoolId", "Seed" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedPools_ModelId",
                table: "GeneratedPools",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedPools_Name",
                table: "GeneratedPools",
                column: "Name",
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
                name: "IX_ModelMetrics_JobId",
                table: "ModelMetrics",
                column: "JobId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelMetrics_ModelId_ComputedAt",
                table: "ModelMetrics",
                columns: new[] { "ModelId", "ComputedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevokedSessions_ExpiresAt",
                table: "RevokedSessions",
                column: "ExpiresAt");

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

            migrationBuilder.CreateIndex(
                name: "IX_StudyShowings_PairToken",
                table: "StudyShowings",
                column: "PairToken",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_TrainingGrids_JobId_Step",
                table: "TrainingGrids",
                columns: new[] { "JobId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingJobs_Kind_Number",
                table: "TrainingJobs",
                columns: new[] { "Kind", "Number" },
                unique: true);

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
                name: "AccessTokens");

            migrationBuilder.DropTable(
                name: "Answers");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DatasetImages");

            migrationBuilder.DropTable(
                name: "DatasetSkips");

            migrationBuilder.DropTable(
                name: "ExperimentResults");

            migrationBuilder.DropTable(
                name: "ExperimentRuns");

            migrationBuilder.DropTable(
                name: "GeneratedImages");

            migrationBuilder.DropTable(
                name: "ModelMetrics");

            migrationBuilder.DropTable(
                name: "RevokedSessions");

            migrationBuilder.DropTable(
                name: "StudyPoolSources");

            migrationBuilder.DropTable(
                name: "StudyRaters");

            migrationBuilder.DropTable(
                name: "StudyShowings");

            migrationBuilder.DropTable(
                name: "TrainingGrids");

            migrationBuilder.DropTable(
                name: "TrainingTicks");

            migrationBuilder.DropTable(
                name: "WorkerTokens");

            migrationBuilder.DropTable(
                name: "StudyItems");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "GeneratedPools");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "TrainingJobs");

            migrationBuilder.DropTable(
                name: "Studies");

            migrationBuilder.DropTable(
                name: "GeneratorModels");

            migrationBuilder.DropTable(
                name: "Datasets");
        }
    }
}
