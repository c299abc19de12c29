"""export_map: the assessment map of the sample district rendered to PNG and PDF and inspected pixel by pixel
(status colours, title, Chinese glyphs), its legend counts, paper sizes, overlays, bad input, and a run
through qgis_process.

Every run here writes its map; the Chinese A4 map of the sample district is also kept as
build/export_map_sample.png, to look at after `make test`.
"""

import os
import re
import shutil

import numpy
import pytest
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFeature, QgsField, QgsGeometry, QgsMarkerSymbol,
                       QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject,
                       QgsRectangle, QgsRendererCategory, QgsSingleSymbolRenderer, QgsSymbol, QgsVectorLayer,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QRect, QVariant, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from complete_community.core.status import FAIL, NO_DATA, NOT_APPLICABLE, PASS, STATUS_COLOURS, status_label
from complete_community.report import map_layout
from complete_community.report.fonts import choose_cjk_font_family, font_covers_text, installed_family
from complete_community.report.map_layout import (PAPERS, build_assessment_layout, export_layout, legend_labels,
                                                  status_counts)
from complete_community.standards import load_standard
from complete_community.styles import category_colours

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
SAMPLE_PICTURE = os.path.join(REPOSITORY, "build", "export_map_sample.png")
RESULT_TABLE = "community_facilities"
CHINESE_TITLE = "完整居住社区评估图"
# What evaluate_facilities gives for the sample district (its README and test_evaluate_facilities).
SAMPLE_COUNTS = {PASS: 5, FAIL: 8, NO_DATA: 1, NOT_APPLICABLE: 0}
# The parameters of scripts/run_demo.sh.
EVALUATION_PARAMETERS = {
    "COMMUNITY_ID_FIELD": "community_id", "COMMUNITY_NAME_FIELD": "name", "POPULATION_FIELD": "population",
    "HOUSEHOLDS_FIELD": "households", "TYPE_FIELD": "community_type", "CATEGORY_FIELD": "category",
    "AREA_CATEGORY_FIELD": "category", "FACILITY_TOLERANCE": 10,
}
COMMUNITY_FILL_OPACITY = 0.8  # styles.compliance.status_renderer: polygon fills at 80 % over the white map
COLOUR_TOLERANCE = 6  # per channel: antialiasing and rounding of the blended fill


# -- fixtures and helpers -------------------------------------------------------------------------------

def _sample(layer_name):
    layer = QgsVectorLayer("{}|layername={}".format(SAMPLE, layer_name), layer_name, "ogr")
    assert layer.isValid(), "run `make sample_data/sample_district.gpkg` first"
    return layer


@pytest.fixture(scope="module")
def evaluated_gpkg(cc_processing, tmp_path_factory):  # noqa: ARG001 (Processing and our provider ready)
    """The sample district evaluated by evaluate_facilities (as in `make demo`), written to a GeoPackage of
    this module: its table community_facilities is the input of every map here."""
    import processing

    path = str(tmp_path_factory.mktemp("export_map") / "assessment.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # as the processing_context fixture: 3.22 wants a project
    feedback = QgsProcessingFeedback()

    def table(name):
        return "ogr:dbname='{}' table=\"{}\" (geom)".format(path, name)

    processing.run("complete_community:evaluate_facilities", dict(
        EVALUATION_PARAMETERS, COMMUNITIES=_sample("communities"), FACILITIES=_sample("facilities"),
        FACILITY_AREAS=_sample("facility_areas"), OUTPUT=table(RESULT_TABLE)), context=context, feedback=feedback)
    # Overlays with the classified style saved in the GeoPackage, as `make demo` writes them.
    for layer_name in ("facilities", "facility_areas"):
        processing.run("complete_community:classify_facilities", {
            "FACILITIES": _sample(layer_name), "CATEGORY_FIELD": "category", "OUTPUT": table(layer_name)},
            context=context, feedback=feedback)
    return path


def _source(gpkg, table=RESULT_TABLE):
    return "{}|layername={}".format(gpkg, table)


def _export(processing_context, gpkg, output, **parameters):
    import processing

    values = {"INPUT": _source(gpkg), "NAME_FIELD": "name", "OUTPUT": str(output)}
    values.update(parameters)
    return processing.run("complete_community:export_map", values, context=processing_context,
                          feedback=processing_context.feedback())


def _rgb_array(image):
    """A QImage as an (height, width, 3) RGB array."""
    image = image.convertToFormat(QImage.Format_RGB888)
    bits = image.constBits()
    bits.setsize(image.bytesPerLine() * image.height())
    rows = numpy.frombuffer(bits, numpy.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def _pixels(path):
    image = QImage(str(path))
    assert not image.isNull(), path
    return _rgb_array(image)


def _on_white(hex_colour, opacity=COMMUNITY_FILL_OPACITY):
    colour = QColor(hex_colour)
    return numpy.array([round(opacity * channel + (1 - opacity) * 255)
                        for channel in (colour.red(), colour.green(), colour.blue())])


def _count_colour(pixels, rgb, tolerance=COLOUR_TOLERANCE):
    return int(numpy.all(numpy.abs(pixels.astype(int) - rgb) <= tolerance, axis=2).sum())


def _mm_box(pixels, dpi, left, top, width, height):
    """The part of the image inside a rectangle given in millimetres on the page."""
    to_px = dpi / 25.4
    return pixels[int(top * to_px):int((top + height) * to_px), int(left * to_px):int((left + width) * to_px)]


def _title_box(pixels, dpi):
    page_width = PAPERS["A4"][0]
    return _mm_box(pixels, dpi, map_layout.MARGIN, map_layout.TITLE_TOP, page_width - 2 * map_layout.MARGIN,
                   map_layout.TITLE_HEIGHT)


def _ink(pixels):
    """0 (white) … 1 (black) per pixel."""
    return 1.0 - pixels.astype(float).mean(axis=2) / 255.0


def _ink_signature(ink, size=(40, 360)):
    """The inked part cropped to its bounding box and resampled to a fixed size, so two renderings of a
    text at slightly different places and resolutions can be compared shape against shape."""
    rows, columns = numpy.nonzero(ink > 0.35)
    assert rows.size, "no ink at all"
    crop = ink[rows.min():rows.max() + 1, columns.min():columns.max() + 1]
    grey = (255 * (1.0 - crop)).clip(0, 255).astype(numpy.uint8).copy()
    image = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format_Grayscale8)
    return _ink(_rgb_array(image.scaled(size[1], size[0], Qt.IgnoreAspectRatio, Qt.SmoothTransformation)))


def _drawn_text(text, family, pixel_size, bold=True):
    """`text` drawn by Qt alone in `family`, black on white, as ink."""
    font = QFont(family)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    image = QImage(pixel_size * (len(text) + 2), pixel_size * 2, QImage.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, image.width(), image.height()), Qt.AlignCenter, text)
    painter.end()
    return _ink(_rgb_array(image))


def _similarity(first, second):
    return float(numpy.corrcoef(first.ravel(), second.ravel())[0, 1])


# -- the rendered map ------------------------------------------------------------------------------------

def test_png_shows_every_status_colour_title_and_chinese_glyphs(cc_provider, processing_context, evaluated_gpkg,
                                                                tmp_path):
    from complete_community.i18n import install_translator, remove_translator

    dpi = 150
    output = tmp_path / "map.png"
    translator = install_translator("zh_CN")  # the map as a Chinese planner gets it (legend 达标 (5) …)
    try:
        result = _export(processing_context, evaluated_gpkg, output, TITLE=CHINESE_TITLE, DPI=dpi,
                         OVERLAYS=[_source(evaluated_gpkg, "facility_areas")])
    finally:
        remove_translator(translator)
    assert result["OUTPUT"] == str(output)
    os.makedirs(os.path.dirname(SAMPLE_PICTURE), exist_ok=True)
    shutil.copyfile(output, SAMPLE_PICTURE)

    pixels = _pixels(output)
    width_mm, height_mm = PAPERS["A4"]
    assert pixels.shape[1] == pytest.approx(width_mm / 25.4 * dpi, abs=2)
    assert pixels.shape[0] == pytest.approx(height_mm / 25.4 * dpi, abs=2)
    not_white = numpy.any(pixels < 245, axis=2).mean()
    assert not_white > 0.15, "the map is (nearly) blank"

    # Each status fill, blended at 80 % over white, covers about a community's area per community
    # (a community is roughly 40 × 37 mm here: 50,000 pixels at 150 dpi, less labels and outlines).
    for status, communities in SAMPLE_COUNTS.items():
        if communities:
            found = _count_colour(pixels, _on_white(STATUS_COLOURS[status]))
            assert found > 20000 * communities, (status, found)
    # Only the blend: the opaque colour would mean the fill opacity (and the check above) is wrong.
    assert _count_colour(pixels, _on_white(STATUS_COLOURS[PASS], 1.0)) < 2000

    title = _title_box(pixels, dpi)
    assert (_ink(title) > 0.7).sum() > 3000, "no dark title text"

    # Real glyphs, not boxes: the title's ink has the shape of the title drawn by Qt in the chosen font,
    # and clearly not the shape of the same number of empty boxes (what a font without CJK glyphs draws).
    family = choose_cjk_font_family(CHINESE_TITLE)
    assert family is not None and font_covers_text(family, CHINESE_TITLE)
    pixel_size = round(map_layout.TITLE_SIZE / 72.0 * dpi)
    exported = _ink_signature(_ink(title))
    reference = _ink_signature(_drawn_text(CHINESE_TITLE, family, pixel_size))
    boxes = _ink_signature(_drawn_text("□" * len(CHINESE_TITLE), family, pixel_size))
    assert _similarity(boxes, reference) < 0.5  # the control: boxes really look different
    assert _similarity(exported, reference) > 0.8
    assert _similarity(exported, reference) > _similarity(exported, boxes) + 0.3


def test_pdf_is_one_a4_landscape_page(cc_provider, processing_context, evaluated_gpkg, tmp_path):
    output = tmp_path / "map.pdf"
    _export(processing_context, evaluated_gpkg, output)
    content = output.read_bytes()
    assert content.startswith(b"%PDF")
    assert len(content) > 50000  # text as outlines, polygons and labels: far more than an empty page
    # QGIS updates the file in place to add metadata, so objects may appear twice: every page count is 1.
    page_counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", content)
    assert page_counts and set(page_counts) == {b"1"}
    media_box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", content)
    width_points, height_points = (float(value) for value in media_box.groups())
    assert width_points == pytest.approx(PAPERS["A4"][0] / 25.4 * 72, abs=1.5)
    assert height_points == pytest.approx(PAPERS["A4"][1] / 25.4 * 72, abs=1.5)


def test_a3_gives_a_larger_landscape_page_than_a4(cc_provider, processing_context, evaluated_gpkg, tmp_path):
    sizes = {}
    for paper, index in (("A4", 0), ("A3", 1)):
        output = tmp_path / "{}.png".format(paper)
        _export(processing_context, evaluated_gpkg, output, PAPER=index, DPI=50)
        image = QImage(str(output))
        sizes[paper] = (image.width(), image.height())
    assert sizes["A3"][0] > sizes["A4"][0] and sizes["A3"][1] > sizes["A4"][1]
    assert sizes["A3"][0] / sizes["A4"][0] == pytest.approx(420.0 / 297.0, rel=0.01)
    assert all(width > height for width, height in sizes.values())


# -- the layout itself -------------------------------------------------------------------------------------

@pytest.fixture
def own_project():
    project = QgsProject()
    yield project
    project.removeAllMapLayers()


def _evaluated_layer(gpkg):
    layer = QgsVectorLayer(_source(gpkg), "communities", "ogr")
    assert layer.isValid()
    return layer


def test_legend_lists_the_statuses_present_with_their_counts(cc_provider, evaluated_gpkg, own_project):
    layer = _evaluated_layer(evaluated_gpkg)
    assert {status: status_counts(layer, "cc_status").get(status, 0) for status in SAMPLE_COUNTS} == SAMPLE_COUNTS
    layout = build_assessment_layout(own_project, layer, "cc_status", "name", "T", "S", "C", layer_title="状态")
    labels = legend_labels(layout)
    assert labels[0] == "状态"
    for status, count in SAMPLE_COUNTS.items():  # a status no community has is left out (no '不适用 (0)')
        assert ("{} ({})".format(status_label(status), count) in labels) == (count > 0)
    assert not [label for label in labels if label.endswith("(0)")]
    for item_id in ("title", "subtitle", "map", "legend", "north_arrow", "scale_bar", "credit"):
        assert layout.itemById(item_id) is not None, item_id
    # Everything on the page, nothing overlapping the map.
    page = layout.pageCollection().page(0).rect()
    map_box = layout.itemById("map").sceneBoundingRect()
    for item_id in ("title", "subtitle", "legend", "north_arrow", "scale_bar", "credit"):
        box = layout.itemById(item_id).sceneBoundingRect()
        assert page.contains(box), item_id
        assert not box.intersects(map_box.adjusted(1, 1, -1, -1)), item_id
    # The map shows every community with room around them.
    extent = layout.itemById("map").extent()
    assert extent.contains(layer.extent()) and extent.width() > layer.extent().width() * 1.05
    del layout


def _overlay(colours_by_class, points):
    """A point layer classified by `kind`, each class its own colour; points: [(kind, wkt)]."""
    layer = QgsVectorLayer("Point?crs=EPSG:4547", "服务设施", "memory")
    layer.dataProvider().addAttributes([QgsField("kind", QVariant.String)])
    layer.updateFields()
    features = []
    for kind, wkt in points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([kind])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    categories = []
    for kind, colour in colours_by_class.items():
        symbol = QgsMarkerSymbol.createSimple({"color": colour, "size": "6", "outline_style": "no"})
        categories.append(QgsRendererCategory(kind, symbol, kind))
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    return layer


def test_overlays_keep_their_style_above_the_communities(cc_provider, evaluated_gpkg, own_project, tmp_path):
    colours = {"幼儿园": "#0000ff", "菜场": "#ff00ff", "远处的站": "#00ffff"}
    # Inside the district (the open ground south-east of 民主街社区 is at about 527900, 3384400) and far away.
    overlay = _overlay(colours, [("幼儿园", "POINT(527900 3384400)"), ("菜场", "POINT(527700 3384300)"),
                                 ("远处的站", "POINT(560000 3390000)")])
    layer = _evaluated_layer(evaluated_gpkg)
    layout = build_assessment_layout(own_project, layer, "cc_status", "name", "T", "S", "C",
                                     overlays=[overlay], font_family=choose_cjk_font_family())
    labels = legend_labels(layout)
    assert labels[labels.index("服务设施") + 1:] == ["幼儿园", "菜场"]  # only the classes on the map
    assert overlay.renderer().type() == "categorizedSymbol"  # its own style, untouched
    assert layout.itemById("map").layers()[0] is overlay  # drawn above the communities
    output = str(tmp_path / "overlay.png")
    assert export_layout(layout, output, 100) == ""
    pixels = _pixels(output)
    for kind in ("幼儿园", "菜场"):
        assert _count_colour(pixels, _on_white(colours[kind], 1.0), tolerance=3) > 100, kind
    del layout


def test_the_users_layer_and_project_stay_as_they_were(cc_provider, processing_context, evaluated_gpkg, tmp_path):
    layer = _evaluated_layer(evaluated_gpkg)
    layer.setRenderer(QgsSingleSymbolRenderer(QgsSymbol.defaultSymbol(QgsWkbTypes.PolygonGeometry)))
    layer.setLabelsEnabled(False)
    layers_before = set(QgsProject.instance().mapLayers())
    _export(processing_context, evaluated_gpkg, tmp_path / "map.png", INPUT=layer, DPI=60)
    assert layer.renderer().type() == "singleSymbol" and not layer.labelsEnabled()
    assert layer.name() == "communities"
    assert set(QgsProject.instance().mapLayers()) == layers_before


def test_font_choice_needs_the_glyphs_in_the_font_itself():
    family = choose_cjk_font_family(CHINESE_TITLE)
    assert family is not None, "install fonts-noto-cjk or fonts-wqy-microhei"
    assert choose_cjk_font_family(CHINESE_TITLE, candidates=("No Such Font Family",)) is None
    latin_only = installed_family("DejaVu Sans")
    if latin_only is None:
        pytest.skip("DejaVu Sans is not installed")
    # Without switching font merging off, Qt would say yes here, borrowing the glyph from another font.
    assert not font_covers_text(latin_only, "完")
    assert choose_cjk_font_family(CHINESE_TITLE, candidates=(latin_only, family)) == family


def test_without_a_chinese_font_the_log_says_what_to_install(cc_provider, processing_context, evaluated_gpkg,
                                                             tmp_path, monkeypatch):
    from complete_community.processing import export_map

    monkeypatch.setattr(export_map, "choose_cjk_font_family", lambda text: None)
    warnings = []
    processing_context.feedback().pushWarning = warnings.append
    _export(processing_context, evaluated_gpkg, tmp_path / "map.png", DPI=50)
    assert any("fonts-noto-cjk" in warning and "Microsoft YaHei" in warning for warning in warnings), warnings


def test_a_geographic_layer_is_drawn_in_metres(cc_provider, processing_context, evaluated_gpkg, tmp_path):
    import processing

    geographic = processing.run("native:reprojectlayer", {
        "INPUT": _evaluated_layer(evaluated_gpkg), "TARGET_CRS": "EPSG:4490", "OUTPUT": "TEMPORARY_OUTPUT"},
        context=processing_context)["OUTPUT"]
    assert geographic.crs().isGeographic()
    messages = []
    processing_context.feedback().pushInfo = messages.append
    output = tmp_path / "map.png"
    _export(processing_context, evaluated_gpkg, output, INPUT=geographic, DPI=60)
    # The sample district lies at 114° E: CGCS2000 / 3-degree Gauss-Kruger CM 114E, the CRS it came from.
    assert any("EPSG:4547" in message for message in messages), messages
    assert _count_colour(_pixels(output), _on_white(STATUS_COLOURS[PASS])) > 5 * 3000


# -- bad input -----------------------------------------------------------------------------------------------

def test_a_missing_status_field_is_named(cc_provider, processing_context, evaluated_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        _export(processing_context, evaluated_gpkg, tmp_path / "map.png", STATUS_FIELD="kindergarten_statu")
    assert "kindergarten_statu" in str(error.value) and "kindergarten_status" in str(error.value)
    assert not (tmp_path / "map.png").exists()


def test_bad_output_paths_are_explained(cc_provider, processing_context, evaluated_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"\.jpg"):
        _export(processing_context, evaluated_gpkg, tmp_path / "map.jpg")
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(QgsProcessingException, match="cannot be created"):
        _export(processing_context, evaluated_gpkg, blocker / "map.png")


# -- the command line ------------------------------------------------------------------------------------------

def test_qgis_process_writes_the_png(run_qgis_process, evaluated_gpkg, tmp_path):
    output = tmp_path / "map.png"
    result = run_qgis_process(["run", "complete_community:export_map", "--", "INPUT=" + _source(evaluated_gpkg),
                               "NAME_FIELD=name", "OVERLAYS=" + _source(evaluated_gpkg, "facilities"), "PAPER=1",
                               "DPI=100", "OUTPUT={}".format(output)])
    assert "OUTPUT:\t{}".format(output) in result.stdout
    pixels = _pixels(output)
    assert pixels.shape[1] == pytest.approx(PAPERS["A3"][0] / 25.4 * 100, abs=2)
    assert _count_colour(pixels, _on_white(STATUS_COLOURS[FAIL])) > 8 * 10000
    # The facilities come in the classified style saved with them in the GeoPackage (kindergartens in their
    # category's colour), not in a random colour: the overlay kept its own style.
    kindergarten = category_colours(load_standard())["kindergarten"].name()
    assert _count_colour(pixels, _on_white(kindergarten, 1.0), tolerance=3) > 300


def test_failing_communities_are_labelled_with_what_they_lack_and_context_layers_have_names(
        cc_provider, evaluated_gpkg, tmp_path):
    import processing
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    from complete_community.core import output_fields as F
    from complete_community.report.map_layout import _label_missing_items

    layer = _evaluated_layer(evaluated_gpkg)
    from complete_community.styles.compliance import apply_community_style

    apply_community_style(layer, F.CC_STATUS.name, "name")
    _label_missing_items(layer, F.CC_STATUS.name, "name")
    expression = QgsExpression(layer.labeling().settings().fieldName)
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    for feature in layer.getFeatures():
        context.setFeature(feature)
        text = expression.evaluate(context)
        assert not expression.hasEvalError(), expression.evalErrorString()
        if feature[F.CC_STATUS.name] == "fail" and feature[F.CC_MISSING.name]:
            assert text == "{}\nMissing: {}".format(feature["name"], feature[F.CC_MISSING.name])
        else:
            assert text.startswith(feature["name"] + "\n") and "Missing" not in text
    # Roads and facilities under their names in words, never a table name
    sample = os.path.join(REPOSITORY, "sample_data", "sample_district.gpkg")
    output = str(tmp_path / "map.png")
    processing.run("complete_community:export_map", {
        "INPUT": _source(evaluated_gpkg), "NAME_FIELD": "name", "ROADS": sample + "|layername=roads",
        "FACILITIES": sample + "|layername=facilities", "OVERLAYS": [sample + "|layername=facility_areas"],
        "DPI": 60, "OUTPUT": output})
    assert os.path.getsize(output) > 10000


def _city_of_small_communities(columns=60, rows=50, side=650.0):
    """A city's worth of communities: columns × rows squares of `side` m, each failing with a long list of
    what it lacks, as assess writes them."""
    from complete_community.core import output_fields as F

    layer = QgsVectorLayer("Polygon?crs=EPSG:4547", "communities", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String), QgsField("cc_status", QVariant.String),
                                        QgsField(F.CC_SCORE.name, QVariant.Double),
                                        QgsField(F.CC_MISSING.name, QVariant.String)])
    layer.updateFields()
    features = []
    for number in range(columns * rows):
        x, y = 480000 + side * (number % columns), 3360000 + side * (number // columns)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + side, y + side)))
        feature.setAttributes(["社区{:04d}".format(number), FAIL, 61.0, "托儿所、菜市场、养老服务站、社区卫生服务站"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _points(name, count, extent):
    layer = QgsVectorLayer("Point?crs=EPSG:4547", name, "memory")
    rng = numpy.random.default_rng(7)
    features = []
    for x, y in zip(rng.uniform(extent.xMinimum(), extent.xMaximum(), count),
                    rng.uniform(extent.yMinimum(), extent.yMaximum(), count)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt("POINT({} {})".format(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _label_at_scale(layer, feature, scale):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope, QgsExpressionContextUtils

    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    scope = QgsExpressionContextScope()
    scope.setVariable("map_scale", scale)
    context.appendScope(scope)
    context.setFeature(feature)
    expression = QgsExpression(layer.labeling().settings().fieldName)
    text = expression.evaluate(context)
    assert not expression.hasEvalError(), expression.evalErrorString()
    return text


def test_a_city_map_stays_legible(cc_provider, own_project):
    """3,000 communities of 650 m on A4: labels only where they fit, as short as the room on paper makes them;
    20,000 facility points would cover the colours, so they are left off and named under the map; a few
    points are still drawn."""
    layer = _city_of_small_communities()
    dense = _points("设施", 20000, layer.extent())
    sparse = _points("规划站点", 12, layer.extent())
    layout = build_assessment_layout(own_project, layer, "cc_status", "name", "T", "S", "C",
                                     overlays=[sparse, dense])
    assert layout.itemById("map").layers()[:1] == [sparse] and dense not in layout.itemById("map").layers()
    assert "设施 (20,000)" in layout.itemById("credit").text() and "规划站点" not in layout.itemById("credit").text()
    assert "设施" not in legend_labels(layout)
    settings = layer.labeling().settings()
    assert settings.fitInPolygonOnly
    feature = next(layer.getFeatures())
    scale = layout.itemById("map").scale()  # about 1:190,000: a community is 3.4 mm wide
    assert _label_at_scale(layer, feature, scale) == "61 pts"  # the score only
    assert _label_at_scale(layer, feature, 20000).startswith("社区0000\nMissing: 托儿所")  # room for all of it
    assert _label_at_scale(layer, feature, 40000) == "社区0000\n61 pts"  # the name and the score
    del layout


def test_a_district_map_keeps_its_overlays_and_whole_labels(cc_provider, evaluated_gpkg, own_project):
    layer = _evaluated_layer(evaluated_gpkg)
    overlay = _points("设施", 200, layer.extent())
    layout = build_assessment_layout(own_project, layer, "cc_status", "name", "T", "S", "C", overlays=[overlay])
    assert overlay in layout.itemById("map").layers() and layout.itemById("credit").text() == "C"
    assert not layer.labeling().settings().fitInPolygonOnly
    del layout


# -- basemap, advisory amber, Chinese labels ------------------------------------------------------------------

BASEMAP_COLOUR = "#5b2c83"  # a purple no status or overlay uses


def _tile_folder(folder, layer, zooms=range(12, 20)):
    """Local XYZ tiles (file://…/{z}/{x}/{y}.png), each one flat purple, covering the layer: an OSM-like tile
    layer that needs no network."""
    import math

    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    extent = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance()).transformBoundingBox(layer.extent())
    tile = QImage(256, 256, QImage.Format_RGB32)
    tile.fill(QColor(BASEMAP_COLOUR))

    def index(lon, lat, zoom):
        n = 2 ** zoom
        x = int((lon + 180.0) / 360.0 * n)
        y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
        return x, y

    for zoom in zooms:
        x0, y0 = index(extent.xMinimum() - 0.02, extent.yMaximum() + 0.02, zoom)
        x1, y1 = index(extent.xMaximum() + 0.02, extent.yMinimum() - 0.02, zoom)
        for x in range(x0, x1 + 1):
            os.makedirs(os.path.join(folder, str(zoom), str(x)), exist_ok=True)
            for y in range(y0, y1 + 1):
                tile.save(os.path.join(folder, str(zoom), str(x), "{}.png".format(y)))
    return folder


def test_a_project_xyz_basemap_is_drawn_under_everything_and_left_out_of_the_legend(
        cc_provider, processing_context, evaluated_gpkg, tmp_path):
    from qgis.core import QgsRasterLayer

    folder = _tile_folder(str(tmp_path / "tiles"), _evaluated_layer(evaluated_gpkg))
    url = "file://{}/{{z}}/{{x}}/{{y}}.png".format(folder).replace("{", "%7B").replace("}", "%7D")
    basemap = QgsRasterLayer("type=xyz&url={}&zmin=0&zmax=19".format(url), "OpenStreetMap", "wms")
    assert basemap.isValid(), basemap.error().summary()
    QgsProject.instance().addMapLayer(basemap)  # a layer of the user's project, picked by id as the dialog does
    try:
        output = tmp_path / "map.png"
        _export(processing_context, evaluated_gpkg, output, DPI=60, BASEMAP=basemap.id())
        with_basemap = _pixels(output)
        _export(processing_context, evaluated_gpkg, tmp_path / "plain.png", DPI=60)
        plain = _pixels(tmp_path / "plain.png")
    finally:
        QgsProject.instance().removeMapLayer(basemap.id())
    purple = numpy.array([QColor(BASEMAP_COLOUR).red(), QColor(BASEMAP_COLOUR).green(), QColor(BASEMAP_COLOUR).blue()])
    assert _count_colour(plain, purple, 10) == 0
    assert _count_colour(with_basemap, purple, 10) > 20000  # between and around the communities
    # the communities stay on top: as many red pixels over the basemap as on white
    failing = _count_colour(plain, _on_white(STATUS_COLOURS[FAIL]))
    on_purple = numpy.array([round(COMMUNITY_FILL_OPACITY * c + (1 - COMMUNITY_FILL_OPACITY) * p) for c, p in zip(
        (QColor(STATUS_COLOURS[FAIL]).red(), QColor(STATUS_COLOURS[FAIL]).green(), QColor(STATUS_COLOURS[FAIL]).blue()),
        purple)])
    assert _count_colour(with_basemap, on_purple, 10) == pytest.approx(failing, rel=0.1)


def test_advisory_results_are_amber_on_the_map_and_in_the_legend(cc_provider, evaluated_gpkg, own_project, tmp_path):
    """A community whose overall status is advisory (no required rule applies, a recommended one is unmet) is
    amber, listed with its count; statuses no community has are not listed."""
    from qgis.core import QgsFeatureRequest

    from complete_community.core import output_fields as F
    from complete_community.core.status import ADVISORY, status_label

    layer = _evaluated_layer(evaluated_gpkg).materialize(QgsFeatureRequest())
    index = layer.fields().lookupField(F.CC_STATUS.name)
    passing = [f.id() for f in layer.getFeatures() if f[F.CC_STATUS.name] == PASS][:3]
    assert layer.dataProvider().changeAttributeValues({fid: {index: ADVISORY} for fid in passing})
    layout = map_layout.build_assessment_layout(own_project, layer, F.CC_STATUS.name, "name", "t", "s")
    labels = map_layout.legend_labels(layout)
    assert "{} ({})".format(status_label(ADVISORY), len(passing)) in labels
    assert not [label for label in labels if label.endswith(" (0)")]
    output = str(tmp_path / "advisory.png")
    assert map_layout.export_layout(layout, output, 60) == ""
    del layout
    assert _count_colour(_pixels(output), _on_white(STATUS_COLOURS[ADVISORY])) > 5000


def test_chinese_missing_items_are_wrapped_in_the_label(cc_provider, evaluated_gpkg):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    from complete_community.core import output_fields as F
    from complete_community.i18n import install_translator, remove_translator
    from complete_community.report.map_layout import MISSING_LABEL_CHARACTERS, NO_LINE_START, _label_missing_items
    from complete_community.styles.compliance import apply_community_style

    from qgis.core import QgsFeatureRequest

    # What a Chinese run writes: the missing items in Chinese, joined by 、 (the fixture ran in English).
    layer = _evaluated_layer(evaluated_gpkg).materialize(QgsFeatureRequest())
    index = layer.fields().lookupField(F.CC_MISSING.name)
    chinese = "、".join(item.name.zh for item in load_standard().items[1:5])
    failing = [f.id() for f in layer.getFeatures() if f[F.CC_MISSING.name]]
    # One whose 、 falls where the line breaks: "缺：幼儿园托儿所" is a whole line, and the next began with 、.
    at_the_break = "幼儿园托儿所、菜市场、社区卫生服务站"
    assert len("缺：幼儿园托儿所") == MISSING_LABEL_CHARACTERS
    assert layer.dataProvider().changeAttributeValues({fid: {index: at_the_break if fid == failing[0] else chinese}
                                                       for fid in failing})
    translator = install_translator("zh_CN")
    try:
        apply_community_style(layer, F.CC_STATUS.name, "name")
        _label_missing_items(layer, F.CC_STATUS.name, "name")
    finally:
        remove_translator(translator)
    expression = QgsExpression(layer.labeling().settings().fieldName)
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    longest = 0
    for feature in layer.getFeatures():
        if feature[F.CC_STATUS.name] != "fail" or not feature[F.CC_MISSING.name]:
            continue
        context.setFeature(feature)
        name, *lines = expression.evaluate(context).split("\n")
        assert name == feature["name"] and "".join(lines) == "缺：" + feature[F.CC_MISSING.name]
        assert all(len(line) <= MISSING_LABEL_CHARACTERS or len(line) == MISSING_LABEL_CHARACTERS + 1 and line[-1]
                   in NO_LINE_START for line in lines), lines
        assert not any(line[0] in NO_LINE_START for line in lines), lines
        if feature[F.CC_MISSING.name] == at_the_break:
            assert lines[0] == "缺：幼儿园托儿所、", lines
        longest = max(longest, len(lines))
    assert longest >= 2  # the sample has a long list of missing items


def test_a_local_standards_own_group_gets_the_same_colour_in_every_session():
    """Colours of a group the plugin does not know (a local standard's) come from its code, the same in every
    QGIS session: Python's hash() of a text changes each time the interpreter starts (PYTHONHASHSEED)."""
    import subprocess
    import sys

    script = (
        "from dataclasses import replace\n"
        "from complete_community.standards import load_standard\n"
        "from complete_community.styles import category_colours\n"
        "standard = load_standard()\n"
        "code = standard.categories[0].item\n"
        "items = tuple(replace(item, group='本市特色') if item.code == code else item for item in standard.items)\n"
        "local = replace(standard, items=items, _index={})\n"
        "colours = category_colours(local)\n"
        "print(sorted((code, colour.name()) for code, colour in colours.items()"
        " if local.item(local.category(code).item).group == '本市特色'))\n")
    plugins = os.path.join(REPOSITORY, "build", "plugins")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=plugins)).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and runs[0].strip() not in ("", "[]"), runs
