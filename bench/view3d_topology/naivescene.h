#pragma once

#include "model/topologysnapshot.h"

#include <osg/Geometry>
#include <osg/Group>
#include <osg/MatrixTransform>
#include <osg/ref_ptr>

#include <memory>
#include <vector>

namespace opsdeck::bench {

// The naive reference of view3d.naive: what a first attempt looks like — one
// osg::MatrixTransform + osg::Geometry per node and per link (and per route),
// updated by setting each transform's matrix and rewriting each link's two
// vertices.
class NaiveScene
{
public:
    explicit NaiveScene(const model::TopologySnapshot &snapshot);
    osg::Group *node() const { return m_root.get(); }
    void update(const model::TopologySnapshot &snapshot);
    std::size_t drawables() const { return m_nodes.size() + m_links.size() + m_routes; }

private:
    osg::ref_ptr<osg::Group> m_root;
    std::vector<osg::ref_ptr<osg::MatrixTransform>> m_nodes;
    std::vector<osg::ref_ptr<osg::Geometry>> m_links;
    std::size_t m_routes = 0;
};

} // namespace opsdeck::bench
