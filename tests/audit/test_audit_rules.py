"""Rule packs load and extend; a user's rules file switches rules off, changes and adds them; bad files say which key."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.audit.engine import audit_plans
from analyzer.audit.registry import rule_types
from analyzer.audit.rules import PACKS, list_rules, load_rules
from analyzer.errors import ConfigError

CHECKLIST_TYPES = {"required_section", "coverage", "occurrence", "conditional"}


@pytest.mark.parametrize("pack", PACKS)
def test_checklist_items_add_up_to_100(pack: str) -> None:
    rules = load_rules(pack).active
    checklist = [r for r in rules if not r.is_deduction]
    assert {r.type for r in checklist} <= CHECKLIST_TYPES
    assert sum(r.effective_points for r in checklist) == 100
    assert all(r.max_points is not None for r in rules if r.type not in CHECKLIST_TYPES)


@pytest.mark.parametrize("pack", PACKS)
def test_every_rule_is_valid_and_coded_once(pack: str) -> None:
    rules = load_rules(pack).rules
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert all(r.type in rule_types() and r.message and r.title and r.category for r in rules)
    assert {r.type for r in rules} == set(rule_types())  # every rule type is used by every pack


@pytest.mark.parametrize(
    ("pack", "code", "has", "lacks"),
    [
        ("school", "B201", "教代会", "职代会"),
        ("school", "B203", "校务公开", "厂务公开"),
        ("enterprise", "B201", "职代会", "教代会"),
        ("enterprise", "B203", "厂务公开", "校务公开"),
        ("enterprise", "C301", "工资集体协商", "教师法"),
    ],
)
def test_packs_differ_where_unit_kinds_differ(pack: str, code: str, has: str, lacks: str) -> None:
    terms = load_rules(pack).rule(code).params.terms
    assert has in terms and lacks not in terms


def test_extends_keeps_what_a_pack_does_not_change() -> None:
    general, school = load_rules("general").rule("A104"), load_rules("school").rule("A104")
    assert (school.params, school.points, school.message, school.level) == (
        general.params, general.points, general.message, general.level)
    assert (general.pack, school.pack) == ("general", "school")
    # a changed key leaves the others: the school's B202 names 教代会 but keeps the type's need
    assert load_rules("school").rule("B202").params.need == load_rules("general").rule("B202").params.need


def test_list_rules_covers_every_pack() -> None:
    rules = list_rules()
    assert {r.pack for r in rules} == set(PACKS)
    assert len(rules) == sum(len(load_rules(p).rules) for p in PACKS)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_override_switches_a_rule_off(tmp_path: Path) -> None:
    path = _write(tmp_path, "[rules.A104]\nenabled = false\n")
    rule = load_rules("general", override=path).rule("A104")
    assert rule.enabled is False and rule not in load_rules("general", override=path).active


def test_override_changes_points_level_and_threshold(tmp_path: Path) -> None:
    path = _write(tmp_path, '[rules.A105]\nmin = 12\npoints = 7\nlevel = "error"\n')
    rule = load_rules("enterprise", override=path).rule("A105")
    assert (rule.params.min, rule.points, rule.level) == (12, 7, "error")
    assert rule.params.count == "schedule_months"  # the rest kept


def test_override_adds_a_required_item(tmp_path: Path) -> None:
    path = _write(tmp_path, (
        '[rules.X001]\ntype = "coverage"\ntitle = "职工疗休养"\ncategory = "服务职工"\nlevel = "warning"\n'
        'points = 5\nterms = ["疗休养"]\nmessage = "计划未安排职工疗休养（{terms}）"\n'))
    for pack in PACKS:
        assert load_rules(pack, override=path).rule("X001").params.terms == ("疗休养",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[rules.A101\nenabled = false\n", "TOML"),
        ("[packs.A101]\nenabled = false\n", "packs"),
        ("[rules.Z999]\nenabled = false\n", "Z999"),
        ('[rules.A101]\nlevel = "fatal"\n', "level"),
        ("[rules.A101]\npoints = -3\n", "points"),
        ('[rules.A101]\npoints = "5"\n', "points"),
        ('[rules.A101]\nenabled = "no"\n', "enabled"),
        ("[rules.A105]\nminimum = 3\n", "minimum"),
        ('[rules.A105]\ncount = "weeks"\n', "count"),
        ('[rules.B201]\nterms = "职代会"\n', "terms"),
        ('[rules.B201]\nmessage = "缺少{unknown}"\n', "message"),
        ('[rules.B201]\nmessage = "缺少{terms"\n', "message"),
        ('[rules.B201]\npatterns = ["职代会("]\n', "patterns"),
        ('[rules.B201]\npatterns = ["(?:职代会)?"]\n', "patterns"),
        ('[rules.A101]\nkinds = ["plans"]\n', "kinds"),
        ('[rules.A101]\nscope = ["everything"]\n', "scope"),
        ('[rules.S601]\nmonths = [13]\n', "months"),
        ('[rules.X002]\ntype = "coverage"\ntitle = "新增"\n', "category"),
        ('[rules.X003]\ntype = "spelling"\ntitle = "t"\ncategory = "c"\nlevel = "info"\npoints = 0\nmessage = "m"\n',
         "type"),
    ],
)
def test_invalid_override_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_rules("general", override=path)
    message = str(info.value)
    assert key in message and "\n" not in message and str(path) in message


def test_missing_override_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="无法读取规则文件"):
        load_rules("general", override=tmp_path / "none.toml")


def test_unknown_pack() -> None:
    with pytest.raises(ConfigError, match="规则包"):
        load_rules("hospital")


# --- an override changes the outcome ------------------------------------------------------------------

SMALL = ("青禾机械有限公司工会2025年工作计划\n\n一、工作目标\n1、职工入会率保持在95%以上。\n2、全年培训职工不少于200人次。\n"
         "二、主要工作\n1、每年召开职代会两次，审议集体合同。\n2、组织职工开展健步走活动。\n3、开展职工技能培训。\n"
         "三、保障措施\n工会主席负总责。\n")


def _audit(tmp_path: Path, override: Path | None):
    path = tmp_path / "plan.txt"
    path.write_text(SMALL, encoding="utf-8")
    from analyzer.pipeline import parse_document

    (audit,) = audit_plans(parse_document(path).plans, override=override)
    return audit


def test_switching_off_a_rule_gives_its_points_back(tmp_path: Path) -> None:
    before = _audit(tmp_path, None)
    (b203,) = before.by_code("B203")
    after = _audit(tmp_path, _write(tmp_path, "[rules.B203]\nenabled = false\n"))
    assert "B203" not in after.codes()
    assert after.score == before.score + b203.points_lost > before.score


def test_skip_if_follows_the_rule_it_names(tmp_path: Path) -> None:
    before = _audit(tmp_path, None)
    assert "A104" in before.codes() and "A105" not in before.codes()  # no schedule: months not counted
    after = _audit(tmp_path, _write(tmp_path, "[rules.A104]\nenabled = false\n"))
    assert "A105" in after.codes()


def test_changed_points_and_level_change_the_score(tmp_path: Path) -> None:
    before = _audit(tmp_path, None)
    after = _audit(tmp_path, _write(tmp_path, '[rules.A104]\npoints = 20\n[rules.B203]\nlevel = "info"\n'))
    lost_b203 = before.by_code("B203")[0].points_lost
    assert after.by_code("A104")[0].points_lost == 20 and after.by_code("B203")[0].points_lost == 0
    assert after.score == before.score - (20 - before.by_code("A104")[0].points_lost) + lost_b203


def test_added_item_is_checked(tmp_path: Path) -> None:
    rule = ('[rules.X001]\ntype = "coverage"\ntitle = "职工疗休养"\ncategory = "服务职工"\nlevel = "warning"\n'
            'points = 5\nterms = ["{term}"]\nmessage = "计划未安排（{{terms}}）"\n')
    missing = _audit(tmp_path, _write(tmp_path, rule.format(term="疗休养")))
    present = _audit(tmp_path, _write(tmp_path, rule.format(term="健步走")))
    assert [f.points_lost for f in missing.by_code("X001")] == [5] and present.by_code("X001") == ()
    assert missing.score == present.score - 5


def test_raised_threshold_flags_a_plan_that_passed(tmp_path: Path) -> None:
    before = _audit(tmp_path, None)
    assert "A106" not in before.codes()  # two targets, the default minimum
    after = _audit(tmp_path, _write(tmp_path, "[rules.A106]\nmin = 5\n"))
    assert after.by_code("A106") and "（至少应有 5 项）" in after.by_code("A106")[0].message


def test_deduction_cap(tmp_path: Path) -> None:
    text = SMALL.replace("3、开展职工技能培训。", "3、以_为指导。\n4、20__年开展培训。\n5、XX公司职工参加。")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    from analyzer.pipeline import parse_document

    plans = parse_document(path).plans
    (uncapped,) = audit_plans(plans)
    (capped,) = audit_plans(plans, override=_write(tmp_path, "[rules.R701]\nmax_points = 5\n"))
    assert [f.points_lost for f in uncapped.by_code("R701")] == [4, 4, 4]
    assert [f.points_lost for f in capped.by_code("R701")] == [4, 1, 0]
    assert capped.score == uncapped.score + 7
