using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trygg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentsAndFieldReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FieldReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReporterUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Seriousness = table.Column<int>(type: "INTEGER", nullable: false),
                    AffectedGroups = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Feedback = table.Column<string>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldReports_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FieldReports_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEnglish = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsibleOrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    IncidentCategory = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Masking = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportServices_Organisations_ResponsibleOrganisationId",
                        column: x => x.ResponsibleOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SafetyWalks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ResidentGroups = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyWalks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", nullable: false),
                    FieldReportIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyActions_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CitizenReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssignedOrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsibleElsewhere = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DuplicateOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    AddressString = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpectedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Moderation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Supporters = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    PhotoId = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenReports_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CitizenReports_CitizenReports_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "CitizenReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CitizenReports_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CitizenReports_Organisations_AssignedOrganisationId",
                        column: x => x.AssignedOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CitizenReports_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReportContacts",
                columns: table => new
                {
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportContacts", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_ReportContacts_CitizenReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "CitizenReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportEvents_CitizenReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "CitizenReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WalkPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WalkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PhotoId = table.Column<long>(type: "INTEGER", nullable: true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    CitizenReportId = table.Column<long>(type: "INTEGER", nullable: true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WalkPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WalkPoints_CitizenReports_CitizenReportId",
                        column: x => x.CitizenReportId,
                        principalTable: "CitizenReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WalkPoints_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WalkPoints_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WalkPoints_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WalkPoints_SafetyWalks_WalkId",
                        column: x => x.WalkId,
                        principalTable: "SafetyWalks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_ApiKeyId",
                table: "CitizenReports",
                column: "ApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_AssignedOrganisationId",
                table: "CitizenReports",
                column: "AssignedOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_DuplicateOfId",
                table: "CitizenReports",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_FollowKey",
                table: "CitizenReports",
                column: "FollowKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_IncidentId",
                table: "CitizenReports",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_PhotoId",
                table: "CitizenReports",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_RequestedAt",
                table: "CitizenReports",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_ServiceCode_Status",
                table: "CitizenReports",
                columns: new[] { "ServiceCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_Token",
                table: "CitizenReports",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitizenReports_UpdatedAt",
                table: "CitizenReports",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FieldReports_IncidentId",
                table: "FieldReports",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldReports_OccurredAt",
                table: "FieldReports",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_FieldReports_OrganisationId",
                table: "FieldReports",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvents_ReportId",
                table: "ReportEvents",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportServices_Code",
                table: "ReportServices",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportServices_ResponsibleOrganisationId",
                table: "ReportServices",
                column: "ResponsibleOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WalkPoints_CitizenReportId",
                table: "WalkPoints",
                column: "CitizenReportId");

            migrationBuilder.CreateIndex(
                name: "IX_WalkPoints_IncidentId",
                table: "WalkPoints",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_WalkPoints_MeasureId",
                table: "WalkPoints",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_WalkPoints_PhotoId",
                table: "WalkPoints",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_WalkPoints_WalkId",
                table: "WalkPoints",
                column: "WalkId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyActions_AreaCode_Week",
                table: "WeeklyActions",
                columns: new[] { "AreaCode", "Week" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyActions_OwnerOrganisationId",
                table: "WeeklyActions",
                column: "OwnerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerTemplates");

            migrationBuilder.DropTable(
                name: "FieldReports");

            migrationBuilder.DropTable(
                name: "ReportContacts");

            migrationBuilder.DropTable(
                name: "ReportEvents");

            migrationBuilder.DropTable(
                name: "ReportServices");

            migrationBuilder.DropTable(
                name: "WalkPoints");

            migrationBuilder.DropTable(
                name: "WeeklyActions");

            migrationBuilder.DropTable(
                name: "CitizenReports");

            migrationBuilder.DropTable(
                name: "SafetyWalks");

            migrationBuilder.DropTable(
                name: "Photos");
        }
    }
}
