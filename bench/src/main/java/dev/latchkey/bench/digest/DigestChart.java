package dev.latchkey.bench.digest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The PNG of docs/benchmarks.md: requests/s and exchanges per request of the three clients, in
 * every load scenario.
 */
final class DigestChart {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 460;
  private static final Color[] COLORS = {
    new Color(0x2e7d32), new Color(0xef6c00), new Color(0x1565c0)
  };

  private DigestChart() {}

  static void write(List<LoadRun.Result> results, Path png) throws IOException {
    JFreeChart speed = chart(
        "Requests per second (higher is better)",
        "requests/s",
        results,
        LoadRun.Result::requestsPerSecond);
    // Every client is close to 1 exchange per request in steady state; what differs is the
    // excess (401s and retries), so the axis shows it per 1,000 requests.
    JFreeChart exchanges = chart(
        "Exchanges per request above 1, per 1,000 requests: "
            + "(exchanges/request - 1) x 1000 (lower is better)",
        "extra exchanges per 1,000 requests",
        results,
        r -> (r.exchangesPerRequest() - 1) * 1000);
    BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      speed.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
      exchanges.draw(g, new Rectangle2D.Double(0, HEIGHT, WIDTH, HEIGHT));
    } finally {
      g.dispose();
    }
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  private static JFreeChart chart(
      String title,
      String axis,
      List<LoadRun.Result> results,
      ToDoubleFunction<LoadRun.Result> value) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (LoadRun.Result r : results) {
      String scenario =
          r.server() + ", " + r.threads() + " thr, nonce " + r.lifetime().toSeconds() + " s";
      data.addValue(value.applyAsDouble(r), r.client(), scenario);
    }
    JFreeChart chart = ChartFactory.createBarChart(
        title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.GRAY);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int i = 0; i < COLORS.length; i++) {
      renderer.setSeriesPaint(i, COLORS[i]);
    }
    return chart;
  }
}
