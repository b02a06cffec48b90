package dev.ovha.probe;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Timeline} as one PNG of two panels sharing the time axis (seconds since probing began):
 * above, success rate and mean latency per 100 ms bucket; below, which master answered each request (one
 * lane per {@code AWS_INSTANCE_ID}, failed requests in their own red lane). Markers are vertical lines on
 * both panels, labelled on the upper one.
 */
public final class TimelineChart {
    static final int WIDTH = 1400;
    static final int PANEL_HEIGHT = 460;
    private static final Color SUCCESS = new Color(0x2e7d32);
    private static final Color LATENCY = new Color(0xef6c00);
    private static final Color FAILED = new Color(0xc62828);
    private static final Color MARKER = new Color(0x37474f);

    static {
        // Charts are drawn on CI machines without a display; before AWT's first use, or it tries to find one.
        System.setProperty("java.awt.headless", "true");
    }

    private TimelineChart() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Timeline timeline, String title) throws IOException {
        List<XYChart> panels = List.of(availabilityPanel(timeline, title), answeredByPanel(timeline));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(panels, panels.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }

    private static XYChart availabilityPanel(Timeline timeline, String title) {
        XYChart chart = panel(timeline, title + " — " + timeline.summary().oneLine(), "success rate (%)");
        chart.setYAxisGroupTitle(1, "mean latency (ms)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0, 0.0).setYAxisMax(0, 105.0);

        List<Double> x = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        for (Bucket bucket : timeline.buckets()) {
            x.add(seconds(timeline, bucket.start()));
            // An empty bucket has no rate: NaN leaves a gap in the line instead of a fake 0 %.
            rate.add(bucket.successRate() == null ? Double.NaN : bucket.successRate());
            latency.add(bucket.meanLatencyMillis() == null ? Double.NaN : bucket.meanLatencyMillis());
        }
        XYSeries ok = chart.addSeries("success rate per 100 ms (%)", x, rate);
        ok.setMarker(SeriesMarkers.NONE);
        ok.setLineColor(SUCCESS).setLineWidth(2f);
        XYSeries lat = chart.addSeries("mean latency per 100 ms (ms)", x, latency);
        lat.setYAxisGroup(1);
        lat.setMarker(SeriesMarkers.NONE);
        lat.setLineColor(LATENCY).setLineWidth(1.2f);

        List<TimelineMarker> markers = timeline.markers();
        double span = Math.max(0.1, seconds(timeline, timeline.end()));
        for (int i = 0; i < markers.size(); i++) {
            String label = markers.get(i).label();
            double at = seconds(timeline, markers.get(i).at());
            chart.addAnnotation(new AnnotationLine(at, true, false));
            // A label is centred on its x: shift it right of its line (about 7 px a character on a plot about
            // 1250 px wide), and stagger the heights so that markers close in time do not print over each other.
            double shift = span * (label.length() * 3.6 + 6) / 1250;
            chart.addAnnotation(new AnnotationText(label, at + shift, 96 - (i % 4) * 9.0, false));
        }
        return chart;
    }

    private static XYChart answeredByPanel(Timeline timeline) {
        XYChart chart = panel(timeline, "Who answered each request (one lane per AWS_INSTANCE_ID)", "answered by");
        Map<String, String> shares = shares(timeline.instanceMix());
        List<String> lanes = new ArrayList<>(timeline.instanceMix().keySet());
        lanes.add(0, "failed");
        Map<String, List<double[]>> points = new java.util.LinkedHashMap<>();
        lanes.forEach(lane -> points.put(lane, new ArrayList<>()));
        for (ProbeSample sample : timeline.samples()) {
            String lane = !sample.ok() ? "failed" : sample.instanceId() == null ? null : sample.instanceId();
            if (lane != null) {
                points.get(lane).add(new double[]{seconds(timeline, sample.start()), lanes.indexOf(lane)});
            }
        }
        points.forEach((lane, xy) -> {
            if (xy.isEmpty()) {
                return;
            }
            XYSeries series = chart.addSeries(lane.equals("failed") ? "failed (" + failures(timeline) + " requests)"
                            : lane + " (" + shares.get(lane) + " of answers)",
                    xy.stream().mapToDouble(p -> p[0]).toArray(), xy.stream().mapToDouble(p -> p[1]).toArray());
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            if (lane.equals("failed")) {
                series.setMarkerColor(FAILED);
            }
        });
        chart.getStyler().setYAxisMin(-0.5).setYAxisMax(lanes.size() - 0.5).setMarkerSize(5);
        // Ticks half-way between lanes get blank labels. XChart drops every tick label when two are equal and
        // sizes the axis from the labels at the range's ends, so each blank is unique and about as wide as
        // the longest lane name.
        int width = lanes.stream().mapToInt(String::length).max().orElse(1);
        chart.setCustomYAxisTickLabelsFormatter(v -> {
            long lane = Math.round(v);
            if (Math.abs(v - lane) < 1e-6 && lane >= 0 && lane < lanes.size()) {
                return lanes.get((int) lane);
            }
            return " ".repeat(width + (int) Math.round(4 * (v + 1)));
        });
        for (TimelineMarker marker : timeline.markers()) {
            chart.addAnnotation(new AnnotationLine(seconds(timeline, marker.at()), true, false));
        }
        return chart;
    }

    private static XYChart panel(Timeline timeline, String title, String yTitle) {
        XYChart chart = new XYChart(WIDTH, PANEL_HEIGHT);
        // Both panels span the same seconds, so that a marker sits at the same place on each.
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.max(0.1, seconds(timeline, timeline.end())));
        chart.setTitle(title);
        chart.setXAxisTitle("seconds since probing started");
        chart.setYAxisTitle(yTitle);
        Styler styler = chart.getStyler();
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAnnotationTextFontColor(MARKER);
        styler.setAnnotationLineColor(MARKER);
        styler.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        styler.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setXAxisDecimalPattern("0.0");
        return chart;
    }

    private static double seconds(Timeline timeline, Instant at) {
        return Duration.between(timeline.start(), at).toNanos() / 1e9;
    }

    private static long failures(Timeline timeline) {
        return timeline.samples().stream().filter(s -> !s.ok()).count();
    }

    /** Each instance's share of the answers, e.g. {@code 79 %}. */
    private static Map<String, String> shares(Map<String, Integer> mix) {
        int total = Math.max(1, mix.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, String> shares = new java.util.LinkedHashMap<>();
        mix.forEach((id, n) -> shares.put(id, String.format(Locale.ROOT, "%.0f %%", 100.0 * n / total)));
        return shares;
    }
}
