package dev.kassa.server.clientarea.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Makes an uploaded SVG logo inert. The XML is read with no DTD at all (a document that declares
 * one is refused, which also rules out entity tricks) and no external anything; then everything
 * that can run code or fetch from elsewhere goes: scripts, {@code foreignObject}, embedded
 * documents, animation elements (they can rewrite a link), event-handler attributes
 * ({@code on*}), links other than to a fragment ({@code #id}) or a {@code data:image/} URL,
 * style sheets and style attributes that import or point at anything but a fragment, processing
 * instructions ({@code xml-stylesheet}) and comments. What is left is written back out.
 */
public final class SvgSanitizer {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Set<String> DROPPED_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "audio", "video", "canvas", "handler", "listener", "set", "animate", "animatemotion", "animatetransform",
            "animatecolor", "discard");
    private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "src", "base", "action", "formaction");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u0000-\\u001f]+");
    /** A {@code url(...)} whose target is not a fragment, an {@code @import}, or an old IE script hook. */
    private static final Pattern UNSAFE_STYLE = Pattern.compile(
            "url\\((?!['\"]?#)|@import|expression\\(|javascript:|behaviou?r\\s*:|-moz-binding", Pattern.CASE_INSENSITIVE);

    private SvgSanitizer() {
    }

    /**
     * The logo, cleaned.
     *
     * @return empty when the bytes are no well-formed SVG document, or declare a DTD
     */
    public static Optional<byte[]> sanitise(byte[] svg) {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" lines on stderr
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            document = builder.parse(new ByteArrayInputStream(svg));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
        Element root = document.getDocumentElement();
        if (root == null || !"svg".equals(localName(root)) || document.getDoctype() != null) {
            return Optional.empty();
        }
        clean(document);
        if (root.getNamespaceURI() == null) {
            intoSvgNamespace(document, root); // a browser shows a namespace-less <svg> file as bare XML
        }
        return Optional.of(write(document));
    }

    private static void intoSvgNamespace(Document document, Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getNamespaceURI() == null) {
                children.add(e);
            }
        }
        document.renameNode(element, SVG_NS, element.getNodeName());
        children.forEach(child -> intoSvgNamespace(document, child));
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static void clean(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        for (Node child : children) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element element = (Element) child;
                    String name = localName(element);
                    if (DROPPED_ELEMENTS.contains(name)
                            || name.equals("style") && UNSAFE_STYLE.matcher(element.getTextContent()).find()) {
                        parent.removeChild(child);
                    } else {
                        cleanAttributes(element);
                        clean(element);
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    // text is inert, except inside a <style>, which is checked as a whole above
                }
                default -> parent.removeChild(child); // processing instructions, comments, entity references
            }
        }
    }

    private static void cleanAttributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> dropped = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = localName(attribute);
            String value = WHITESPACE.matcher(attribute.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
            boolean unsafe = name.startsWith("on")
                    || LINK_ATTRIBUTES.contains(name) && !value.startsWith("#") && !value.startsWith("data:image/")
                    || name.equals("style") && UNSAFE_STYLE.matcher(attribute.getValue()).find()
                    || value.contains("javascript:") || value.contains("vbscript:")
                    || UNSAFE_STYLE.matcher(value).find() && !name.equals("xmlns") && !"xmlns".equals(attribute.getPrefix());
            if (unsafe) {
                dropped.add(attribute);
            }
        }
        dropped.forEach(element::removeAttributeNode);
    }

    private static String localName(Node node) {
        String name = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
        return name.toLowerCase(Locale.ROOT);
    }

    private static byte[] write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("a parsed SVG could not be written back", e);
        }
    }
}
