using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trygg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationsVersionsValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "RootCauseAnalysis",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Problems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ActionPlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Committee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DiaryNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FrozenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TreeJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanVersions_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EffectEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    IncidentQuery = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TreatedAreaCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BufferAreaCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ControlAreaCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BeforeFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BeforeTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AfterFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AfterTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TreatedBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    TreatedAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    ControlBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    ControlAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EffectEvaluations_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tertial = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalValues_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanVersions_ActionPlanId_Number",
                table: "ActionPlanVersions",
                columns: new[] { "ActionPlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EffectEvaluations_MeasureId",
                table: "EffectEvaluations",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalValues_GoalId_Tertial",
                table: "GoalValues",
                columns: new[] { "GoalId", "Tertial" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanVersions");

            migrationBuilder.DropTable(
                name: "EffectEvaluations");

            migrationBuilder.DropTable(
                name: "GoalValues");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "RootCauseAnalysis");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Problems");
        }
    }
}
