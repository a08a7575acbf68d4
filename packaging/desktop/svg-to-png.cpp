// svg-to-png: renders the app's SVG icon into the PNG sizes of the hicolor theme at build
// time, with Qt Svg, which the app links anyway (so packaging needs no further tool).
// Usage: svg-to-png IN.svg SIZE OUT.png
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fputs("usage: svg-to-png IN.svg SIZE OUT.png\n", stderr);
        return 2;
    }
    // No QGuiApplication: builds run without a display, and painting paths into a QImage
    // needs none. (An icon with <text> would need fonts, and so one; Qt would say so.)
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = args.at(2).toInt(&sizeOk);
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid() || !sizeOk || size <= 0) {
        std::fprintf(stderr, "svg-to-png: cannot render %s at size %s\n", argv[1], argv[2]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    if (!image.save(args.at(3), "PNG")) {
        std::fprintf(stderr, "svg-to-png: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
