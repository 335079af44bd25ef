/**
 * The layer model (图层目录): which layers a park is described with — boundary, the "233" structure, industrial parks,
 * standard land parcels (标准地), roads, utility networks, facilities, factory buildings — and each layer's attributes
 * with zh-CN/en labels. Start from {@link org.parkatlas.catalog.Catalog}.
 */
package org.parkatlas.catalog;
